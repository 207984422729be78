import { isOldCmnd, nameKey as nameKeyOf, parsePersonalId, vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { AppError, fail } from '../../platform/errors.js'
import { FOREIGNER_ID, findForeigner, toForeignerRecord } from './foreigner.repository.js'
import { findPersonIdByOldNumber, findPersonRecord, searchPersons } from './person.repository.js'
import { parsePartialDate } from './registry.dates.js'
import { REGISTRY } from './registry.errors.js'
import { dobOf, type PersonView, toPersonView } from './registry.view.js'

/** Who is reading (the officer's number and unit) and why: every registry read is audited with it. */
export type OfficerContext = { actor: string; unit: string | null; purpose: string; requestId: string }

// The unit goes into the audit data so a read can be traced to the police unit that made it.
const unitOf = (officer: OfficerContext) => (officer.unit === null ? {} : { unit: officer.unit })

type ServiceDeps = Pick<Deps, 'db' | 'clock'>

/**
 * A person by personal ID number, old 9-digit CMND number or cancelled number. A malformed number is a
 * 400 with the vn-id code; the read is audited in the same transaction as the lookup.
 */
export const readPerson = (deps: ServiceDeps, officer: OfficerContext, number: string): Promise<PersonView> =>
  deps.db.transaction().execute(async (trx) => {
    if (!isOldCmnd(number)) {
      const parsed = parsePersonalId(number, { today: vietnamDateOf(deps.clock.now()) })
      if (!parsed.ok) throw new AppError(parsed.code, 400, parsed.message)
    }
    let row = isOldCmnd(number) ? undefined : await findPersonRecord(trx, number)
    if (!row) {
      const current = await findPersonIdByOldNumber(trx, number)
      row = current === undefined ? undefined : await findPersonRecord(trx, current)
    }
    if (!row) return fail(REGISTRY.PERSON_NOT_FOUND)
    await recordAudit(trx, deps.clock, {
      actor: officer.actor,
      actorKind: 'officer',
      action: 'registry.person.read',
      subject: row.personal_id,
      subjectKind: 'citizen',
      purpose: officer.purpose,
      data: {
        ...unitOf(officer),
        ...(row.personal_id === number ? {} : { lookedUpBy: isOldCmnd(number) ? 'cmnd' : 'cancelledNumber' }),
      },
      requestId: officer.requestId,
    })
    return toPersonView(row)
  })

export type SearchQuery = { name?: string; dob?: string; province?: string; page: number; pageSize: number }

/** Accent-insensitive search by name, narrowed by birth date or province so nobody can scan the population. */
export const searchPeople = (deps: ServiceDeps, officer: OfficerContext, q: SearchQuery) =>
  deps.db.transaction().execute(async (trx) => {
    const key = nameKeyOrFail(q.name)
    if (q.dob === undefined && q.province === undefined) fail(REGISTRY.SEARCH_TOO_BROAD)
    const dob = q.dob === undefined ? undefined : (parsePartialDate(q.dob) ?? fail(REGISTRY.INVALID_DATE))
    const found = await searchPersons(trx, {
      nameKey: key,
      page: q.page,
      pageSize: q.pageSize,
      ...(dob ? { dob } : {}),
      ...(q.province ? { province: q.province } : {}),
    })
    // The name stays out of the audit data: the log is long-lived and shown to citizens.
    await recordAudit(trx, deps.clock, {
      actor: officer.actor,
      actorKind: 'officer',
      action: 'registry.person.search',
      subject: null,
      subjectKind: 'search',
      purpose: officer.purpose,
      data: {
        ...unitOf(officer),
        dob: q.dob ?? null,
        province: q.province ?? null,
        total: found.total,
        returned: found.items.map((i) => i.personal_id),
      },
      requestId: officer.requestId,
    })
    return {
      items: found.items.map((i) => ({
        personalId: i.personal_id,
        fullName: i.full_name,
        dateOfBirth: dobOf(i),
        gender: i.gender,
        permanentProvince: i.permanent_province,
        status: i.status,
      })),
      page: q.page,
      pageSize: q.pageSize,
      total: found.total,
    }
  })

const nameKeyOrFail = (name: string | undefined): string => {
  const key = name === undefined ? '' : nameKeyOf(name)
  return key === '' ? fail(REGISTRY.SEARCH_TOO_BROAD) : key
}

export const readForeigner = (deps: ServiceDeps, officer: OfficerContext, foreignerId: string) =>
  deps.db.transaction().execute(async (trx) => {
    if (!FOREIGNER_ID.test(foreignerId)) fail(REGISTRY.INVALID_FOREIGNER_ID)
    const row = (await findForeigner(trx, foreignerId)) ?? fail(REGISTRY.FOREIGNER_NOT_FOUND)
    await recordAudit(trx, deps.clock, {
      actor: officer.actor,
      actorKind: 'officer',
      action: 'registry.foreigner.read',
      subject: row.foreigner_id,
      subjectKind: 'foreigner',
      purpose: officer.purpose,
      data: unitOf(officer),
      requestId: officer.requestId,
    })
    return toForeignerRecord(row)
  })
