import { randomUUID } from 'node:crypto'
import { type ActorKind, recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { hashSecret } from '../authn/index.js'
import { actorOf, assertManages, type Manager } from './manager.js'
import { type ManagedOfficer, toManagedOfficer } from './officer.view.js'
import { type OfficersDeps, totpAad } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import type { Role } from './officers.permissions.js'
import { findUnit, insertOfficer } from './officers.repository.js'
import { initialPassword } from './officers.tokens.js'

export const TOTP_ISSUER = 'dinhdanh'

export type Actor = {
  id: string
  kind: Extract<ActorKind, 'officer' | 'system'>
  requestId?: string
  /** The acting officer's unit, kept in the audit data. */
  unit?: string
}
export type NewOfficer = { officerNumber: string; fullName: string; unitCode: string; roles: Role[] }
/** Shown once: the one-time password cannot be read back later. */
export type Enrolment = { officer: ManagedOfficer; initialPassword: string }
/** Credentials of an officer who has been through the first login already: the demo officers and tests. */
export type FixedCredentials = { password: string; totpSecret: Buffer; confirmedAt: Date }

/**
 * Creates an officer with a generated one-time password: at the first login the officer chooses their own
 * password and enrols an authenticator app before anything else works (first-login.service.ts).
 */
export const createOfficer = async (
  deps: OfficersDeps,
  actor: Actor,
  input: NewOfficer,
  fixed?: FixedCredentials,
): Promise<Enrolment> => {
  const unit = (await findUnit(deps.db, input.unitCode)) ?? fail(OFFICERS.UNIT_NOT_FOUND)
  const id = randomUUID()
  const password = fixed?.password ?? initialPassword()
  const passwordHash = await hashSecret(password.normalize('NFC'))
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const row =
      (await insertOfficer(trx, {
        id,
        officer_number: input.officerNumber,
        full_name: input.fullName.normalize('NFC'),
        unit_code: unit.code,
        roles: [...new Set(input.roles)],
        status: 'active',
        password_hash: passwordHash,
        password_change_required: fixed === undefined,
        totp_sealed: fixed ? deps.officerTotp.seal(fixed.totpSecret, totpAad(id)) : null,
        totp_confirmed_at: fixed?.confirmedAt ?? null,
        totp_last_step: null,
        created_at: now,
        updated_at: now,
      })) ?? fail(OFFICERS.NUMBER_TAKEN)
    await recordAudit(trx, deps.clock, {
      actor: actor.id,
      actorKind: actor.kind,
      action: 'officers.officer.created',
      subject: row.officer_number,
      subjectKind: 'officer',
      purpose: 'officer-management',
      data: { ...(actor.unit ? { actorUnit: actor.unit } : {}), unit: unit.code, roles: row.roles },
      requestId: actor.requestId ?? null,
    })
    return { officer: toManagedOfficer(row, unit), initialPassword: password }
  })
}

/** An administrator creates officers only in units within their own unit's jurisdiction. */
export const createOfficerAs = async (deps: OfficersDeps, m: Manager, input: NewOfficer) => {
  assertManages(m, (await findUnit(deps.db, input.unitCode)) ?? fail(OFFICERS.UNIT_NOT_FOUND))
  return createOfficer(deps, actorOf(m), input)
}
