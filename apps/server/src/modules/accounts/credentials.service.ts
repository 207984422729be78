import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { AppError, fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { hashSecret } from '../authn/index.js'
import { matchDeclared } from '../registry/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { AccountRow } from './accounts.table.js'
import { PASSKEYS } from './passkey.errors.js'
import { checkPassword } from './password.check.js'
import { revokeSessions } from './session.repository.js'
import type { Client, CurrentSession } from './session.service.js'
import { requireStepUp } from './step-up.js'

export type CredentialsDeps = Pick<Deps, 'db' | 'clock' | 'policy'>

const changed = (
  deps: CredentialsDeps,
  s: CurrentSession,
  client: Client,
  what: 'password' | 'passcode',
  set: Partial<Pick<AccountRow, 'password_hash' | 'passcode_hash'>>,
  sms: string,
) =>
  deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    await trx
      .updateTable('accounts_account')
      .set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', s.account.id)
      .execute()
    // Whoever held the old secret on another device is logged out with it.
    const ended = await revokeSessions(trx, s.account.id, `${what}_changed`, now, { except: s.sessionId })
    await enqueueNotification(trx, deps.clock, {
      channel: 'sms',
      recipient: s.account.phone,
      template: `accounts.${what}.changed`,
      body: sms,
    })
    await recordAudit(trx, deps.clock, {
      actor: s.account.subject_id,
      actorKind: 'citizen',
      action: `accounts.${what}.changed`,
      subject: s.account.subject_id,
      subjectKind: s.account.subject_kind,
      purpose: 'account-security',
      data: { ip: client.ip, sessionsEnded: ended.length },
      requestId: client.requestId ?? null,
    })
    return { changed: what, sessionsEnded: ended.length }
  })

/**
 * A new password for a logged-in holder: the current one proves it is them (counted like a login
 * failure when wrong), the new one follows the regime's rules; other sessions end.
 */
export const changePassword = async (
  deps: CredentialsDeps,
  s: CurrentSession,
  input: { currentPassword: string; newPassword: string },
  client: Client,
) => {
  const failures = deps.policy.checkPassword(input.newPassword, {
    personalIdNumber: s.account.subject_id,
    phone: s.account.phone,
  })
  if (failures.length) fail(ACCOUNTS.CREDENTIALS_REJECTED, undefined, { failures })
  await checkPassword(
    deps,
    { username: s.account.subject_id, password: input.currentPassword },
    client.ip,
  ).catch((e: unknown) => {
    // A wrong current password is not a lost session: the app keeps the holder logged in.
    throw e instanceof AppError && e.code === ACCOUNTS.INVALID_CREDENTIALS.code
      ? PASSKEYS.WRONG_PASSWORD()
      : e
  })
  const passwordHash = await hashSecret(input.newPassword.normalize('NFC'))
  return changed(
    deps,
    s,
    client,
    'password',
    { password_hash: passwordHash },
    'Mat khau tai khoan dinh danh dien tu cua ban vua duoc thay doi. Neu khong phai ban, hay khoa tai khoan ngay.',
  )
}

/** A new 6-digit passcode, after a step-up (the current passcode or a passkey). */
export const changePasscode = async (
  deps: CredentialsDeps,
  s: CurrentSession,
  input: { newPasscode: string },
  client: Client,
) => {
  await requireStepUp(deps, s)
  const person = await matchDeclared(deps.db, { personalId: s.account.subject_id })
  const failures = deps.policy.checkPasscode(
    input.newPasscode,
    person.kind === 'match' ? { dateOfBirth: person.person.dateOfBirth } : {},
  )
  if (failures.length) fail(ACCOUNTS.CREDENTIALS_REJECTED, undefined, { failures })
  return changed(
    deps,
    s,
    client,
    'passcode',
    { passcode_hash: await hashSecret(input.newPasscode) },
    'Ma passcode tai khoan dinh danh dien tu cua ban vua duoc thay doi. Neu khong phai ban, hay khoa tai khoan ngay.',
  )
}
