import { fail } from '../../platform/errors.js'
import { hashSecret } from '../authn/index.js'
import { setOneTimePassword } from './credentials.repository.js'
import { assertNotSelf, auditManaged, loadManaged, type Manager } from './manager.js'
import { type ManagedOfficer, toManagedOfficer } from './officer.view.js'
import type { OfficersDeps } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import { revokeSessions } from './officers.repository.js'
import { initialPassword } from './officers.tokens.js'

/** Shown once, to be handed to the officer in person: it is never stored in clear. */
export type Reset = { officer: ManagedOfficer; oneTimePassword: string }

/**
 * A new one-time password for an officer who forgot theirs: their sessions end; at the next login (password
 * and authenticator code) they must choose a new password before anything else.
 * With `authenticator`, for a lost phone: the authenticator is removed as well, and the next login enrols a
 * new one. The password is replaced then too, so a stolen password alone never enrols an authenticator.
 */
export const resetCredentials = async (
  deps: OfficersDeps,
  m: Manager,
  officerId: string,
  what: 'password' | 'authenticator',
): Promise<Reset> => {
  assertNotSelf(m, officerId)
  const { row: target, unit } = await loadManaged(deps.db, m, officerId)
  const password = initialPassword()
  const passwordHash = await hashSecret(password)
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const row =
      (await setOneTimePassword(trx, target.id, passwordHash, {
        resetAuthenticator: what === 'authenticator',
        now,
      })) ?? fail(OFFICERS.OFFICER_NOT_FOUND)
    const ended = await revokeSessions(trx, target.id, `${what}_reset`, now)
    await auditManaged(trx, deps.clock, m, {
      action: `${what}.reset`,
      subject: row.officer_number,
      subjectKind: 'officer',
      data: { sessionsEnded: ended.length },
    })
    return { officer: toManagedOfficer(row, unit), oneTimePassword: password }
  })
}
