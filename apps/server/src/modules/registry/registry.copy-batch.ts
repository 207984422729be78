import { copyCell, personCells, type RegistryRecord, recordHash } from './registry.record.js'

/** One batch of generated people as COPY text, a string per table (the initial-load path). */
export type CopyBatch = {
  count: number
  persons: string
  cards: string
  oldIds: string
  relatives: string
  households: string
}

export const COPY_TARGETS = {
  persons: `registry_person (personal_id, full_name, name_key, birth_year, birth_month, birth_day, gender,
  nationality, ethnicity, religion, place_of_birth, hometown, permanent_address, permanent_province,
  temporary_address, status, died_on, household_id, household_relation, row_hash, created_at, updated_at)`,
  cards: 'registry_card (personal_id, number, kind, issued_on, expires_on, authority, status)',
  oldIds: 'registry_old_id (number, personal_id, kind)',
  relatives: 'registry_relative (personal_id, relation, relative_id)',
  households: 'registry_household (household_id, head_personal_id, address, province_code)',
} as const

/** The tables the initial load writes, in an order that satisfies their foreign keys. */
export const COPY_ORDER = ['persons', 'cards', 'oldIds', 'relatives', 'households'] as const

const line = (cells: Array<string | number | null>) => `${cells.map(copyCell).join('\t')}\n`

/**
 * The rows writeRecords would leave for these people, as COPY text. Family links are written both
 * ways (each spouse's own row gives both spouse links); a household row comes from its head.
 */
export const toCopyBatch = (batch: readonly RegistryRecord[], now: Date): CopyBatch => {
  const at = now.toISOString()
  let persons = ''
  let cards = ''
  let oldIds = ''
  let relatives = ''
  let households = ''
  for (const r of batch) {
    persons += line([...personCells(r), r.householdId, r.householdRelation, recordHash(r), at, at])
    const c = r.card
    if (c) cards += line([r.personalId, r.personalId, c.kind, c.issuedOn, c.expiresOn, c.authority, c.status])
    if (r.oldCmnd) oldIds += line([r.oldCmnd, r.personalId, 'cmnd'])
    for (const n of r.cancelledIds) oldIds += line([n, r.personalId, 'cancelled'])
    if (r.fatherId)
      relatives += `${r.personalId}\tfather\t${r.fatherId}\n${r.fatherId}\tchild\t${r.personalId}\n`
    if (r.motherId)
      relatives += `${r.personalId}\tmother\t${r.motherId}\n${r.motherId}\tchild\t${r.personalId}\n`
    if (r.spouseId) relatives += `${r.personalId}\tspouse\t${r.spouseId}\n`
    if (r.guardianId)
      relatives += `${r.personalId}\tguardian\t${r.guardianId}\n${r.guardianId}\tward\t${r.personalId}\n`
    if (r.householdId && r.householdRelation === 'head')
      households += line([r.householdId, r.personalId, r.permanentAddress, r.permanentProvince])
  }
  return { count: batch.length, persons, cards, oldIds, relatives, households }
}
