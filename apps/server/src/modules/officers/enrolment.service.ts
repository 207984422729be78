import { randomBytes, randomUUID } from 'node:crypto'
import { type ActorKind, recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { hashSecret } from '../authn/index.js'
import { type Officer, toOfficer } from './officer.view.js'
import { type OfficersDeps, totpAad } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import { assertWithinJurisdiction, type Role } from './officers.permissions.js'
import {
  findOfficer,
  findUnit,
  insertOfficer,
  revokeSessions,
  setOfficerStatus,
} from './officers.repository.js'
import { initialPassword } from './officers.tokens.js'
import { otpauthUri } from './totp.js'

export const TOTP_ISSUER = 'dinhdanh'

export type Actor = { id: string; kind: Extract<ActorKind, 'officer' | 'system'>; requestId?: string }
export type NewOfficer = { officerNumber: string; fullName: string; unitCode: string; roles: Role[] }
/** Shown once: neither the password nor the TOTP secret can be read back later. */
export type Enrolment = { officer: Officer; initialPassword: string; otpauthUri: string }
/** Fixed credentials for the demo officers only (officers.demo.ts). */
export type FixedCredentials = { password: string; totpSecret: Buffer; confirmedAt: Date }

/**
 * Creates an officer with a generated first password and a new TOTP secret (a one-time enrolment): the
 * officer adds the otpauth:// URI to an authenticator, and the first login with a code confirms it.
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
  const secret = fixed?.totpSecret ?? randomBytes(20)
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
        totp_sealed: deps.officerTotp.seal(secret, totpAad(id)),
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
      data: { unit: unit.code, roles: row.roles },
      requestId: actor.requestId ?? null,
    })
    return {
      officer: toOfficer(row, unit),
      initialPassword: password,
      otpauthUri: otpauthUri(TOTP_ISSUER, row.officer_number, secret),
    }
  })
}

/** An administrator creates officers only in units within their own unit's jurisdiction. */
export const createOfficerAs = async (
  deps: OfficersDeps,
  admin: Officer,
  input: NewOfficer,
  requestId?: string,
) => {
  const unit = (await findUnit(deps.db, input.unitCode)) ?? fail(OFFICERS.UNIT_NOT_FOUND)
  assertWithinJurisdiction(admin.unit, {
    code: unit.code,
    level: unit.level,
    provinceCode: unit.province_code,
  })
  return createOfficer(
    deps,
    { id: admin.officerNumber, kind: 'officer', ...(requestId ? { requestId } : {}) },
    input,
  )
}

/** Suspends an officer and ends their sessions at once; only within the administrator's jurisdiction. */
export const suspendOfficer = async (
  deps: OfficersDeps,
  admin: Officer,
  officerId: string,
  requestId?: string,
): Promise<Officer> => {
  const target = (await findOfficer(deps.db, officerId)) ?? fail(OFFICERS.OFFICER_NOT_FOUND)
  const unit = (await findUnit(deps.db, target.unit_code)) ?? fail(OFFICERS.UNIT_NOT_FOUND)
  assertWithinJurisdiction(admin.unit, {
    code: unit.code,
    level: unit.level,
    provinceCode: unit.province_code,
  })
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const row = (await setOfficerStatus(trx, target.id, 'suspended', now)) ?? fail(OFFICERS.OFFICER_NOT_FOUND)
    const ended = await revokeSessions(trx, target.id, 'suspended', now)
    await recordAudit(trx, deps.clock, {
      actor: admin.officerNumber,
      actorKind: 'officer',
      action: 'officers.officer.suspended',
      subject: row.officer_number,
      subjectKind: 'officer',
      data: { sessionsEnded: ended.length },
      requestId: requestId ?? null,
    })
    return toOfficer(row, unit)
  })
}
