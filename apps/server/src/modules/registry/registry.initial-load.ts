import type { Database } from '../../database.js'
import type { DbHandle } from '../../platform/db.js'
import { copyCell, type RegistryRecord, recordHash } from './registry.record.js'
import { withSession } from './registry.writer.js'

const line = (cells: Array<string | number | null>) => `${cells.map(copyCell).join('\t')}\n`

const PERSON = `registry_person (personal_id, full_name, name_key, birth_year, birth_month, birth_day, gender,
  nationality, ethnicity, religion, place_of_birth, hometown, permanent_address, permanent_province,
  temporary_address, status, died_on, household_id, household_relation, row_hash, created_at, updated_at)`
const CARD = 'registry_card (personal_id, number, kind, issued_on, expires_on, authority, status)'
const OLD_ID = 'registry_old_id (number, personal_id, kind)'
const RELATIVE = 'registry_relative (personal_id, relation, relative_id)'
const HOUSEHOLD = 'registry_household (household_id, head_personal_id, address, province_code)'

/**
 * The first load of an empty registry with generated (known unique) people: COPY straight into the
 * tables, no staging and no upsert, several times faster. The rows end up exactly as writeRecords
 * would leave them (each spouse's own row gives both spouse links).
 */
export const loadInitialBatch = async (
  handle: DbHandle<Database>,
  batch: RegistryRecord[],
  now: Date,
): Promise<number> => {
  const at = now.toISOString()
  const persons: string[] = []
  const cards: string[] = []
  const oldIds: string[] = []
  const relatives: string[] = []
  const households: string[] = []
  for (const r of batch) {
    persons.push(
      line([
        r.personalId,
        r.fullName,
        r.nameKey,
        r.dob.year,
        r.dob.month,
        r.dob.day,
        r.gender,
        r.nationality,
        r.ethnicity,
        r.religion,
        r.placeOfBirth,
        r.hometown,
        r.permanentAddress,
        r.permanentProvince,
        r.temporaryAddress,
        r.status,
        r.diedOn,
        r.householdId,
        r.householdRelation,
        recordHash(r),
        at,
        at,
      ]),
    )
    const c = r.card
    if (c)
      cards.push(line([r.personalId, r.personalId, c.kind, c.issuedOn, c.expiresOn, c.authority, c.status]))
    if (r.oldCmnd) oldIds.push(line([r.oldCmnd, r.personalId, 'cmnd']))
    for (const n of r.cancelledIds) oldIds.push(line([n, r.personalId, 'cancelled']))
    for (const [relation, id] of [
      ['father', r.fatherId],
      ['mother', r.motherId],
      ['spouse', r.spouseId],
      ['guardian', r.guardianId],
    ] as const) {
      if (id) relatives.push(line([r.personalId, relation, id]))
    }
    if (r.fatherId) relatives.push(line([r.fatherId, 'child', r.personalId]))
    if (r.motherId) relatives.push(line([r.motherId, 'child', r.personalId]))
    if (r.guardianId) relatives.push(line([r.guardianId, 'ward', r.personalId]))
    if (r.householdId && r.householdRelation === 'head') {
      households.push(line([r.householdId, r.personalId, r.permanentAddress, r.permanentProvince]))
    }
  }
  await withSession(handle, async (s) => {
    await s.query('SET LOCAL synchronous_commit TO off')
    await s.load(persons.join(''), PERSON)
    if (cards.length) await s.load(cards.join(''), CARD)
    if (oldIds.length) await s.load(oldIds.join(''), OLD_ID)
    if (relatives.length) await s.load(relatives.join(''), RELATIVE)
    if (households.length) await s.load(households.join(''), HOUSEHOLD)
  })
  return batch.length
}
