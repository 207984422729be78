import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { assertOtp, hashSecret, issueOtp, verifyOtp } from '../authn/index.js'
import { matchDeclared, matchForeigner } from '../registry/index.js'
import { findAccountBySubject } from './account.repository.js'
import { ACCOUNTS } from './accounts.errors.js'
import { toE164 } from './accounts.phone.js'
import type { AccountRow } from './accounts.table.js'
import { revokeSessions } from './session.repository.js'

export type RecoveryDeps = Pick<Deps, 'db' | 'clock' | 'policy' | 'otpKey'>
export type RecoveryStart = {
  personalId: string
  phone: string
  fullName: string
  dateOfBirth: string
  /** A citizen's proof: their ID card's issue date. */
  cardIssuedOn?: string | undefined
  /** A foreigner's proof: the passport the immigration data holds, and its nationality. */
  passportNumber?: string | undefined
  nationality?: string | undefined
}

/** Whether the identity facts agree with the registry: the card for a citizen, the passport for a foreigner. */
const identityAgrees = async (
  deps: RecoveryDeps,
  account: AccountRow,
  personalId: string,
  input: RecoveryStart,
) => {
  if (account.subject_kind === 'foreigner') {
    if (!input.passportNumber || !input.nationality) return false
    const match = await matchForeigner(
      deps.db,
      {
        foreignerId: personalId,
        passportNumber: input.passportNumber.replace(/[\s.-]/g, '').toUpperCase(),
        nationality: input.nationality.toUpperCase(),
        fullName: input.fullName,
        dateOfBirth: input.dateOfBirth,
      },
      vietnamDateOf(deps.clock.now()),
    )
    return match.kind === 'match'
  }
  if (!input.cardIssuedOn) return false
  const match = await matchDeclared(deps.db, {
    personalId,
    fullName: input.fullName,
    dateOfBirth: input.dateOfBirth,
    cardIssuedOn: input.cardIssuedOn,
  })
  return match.kind === 'match'
}

/**
 * Forgotten password (DOMAIN §4 rule 11): ID number, the registered phone, full name, date of birth and
 * the card's issue date (a foreigner: the passport number and nationality, against the immigration data)
 * must all agree with the account and the registry; then a code goes to the phone. The answer is the same
 * whatever did not agree.
 */
export const startRecovery = async (deps: RecoveryDeps, input: RecoveryStart): Promise<{ sent: true }> => {
  const phone = toE164(input.phone)
  const personalId = input.personalId.trim().toUpperCase()
  const account = await findAccountBySubject(deps.db, personalId)
  if (!account || account.phone !== phone || (account.status !== 'active' && account.status !== 'locked'))
    return { sent: true }
  if (!(await identityAgrees(deps, account, personalId, input))) return { sent: true }
  await issueOtp(deps, { purpose: 'password_reset', subject: account.id, recipient: phone, channel: 'sms' })
  return { sent: true }
}

/** With the code: a new password (and, if given, a new passcode); every session ends, the holder is told. */
export const finishRecovery = async (
  deps: RecoveryDeps,
  input: {
    personalId: string
    phone: string
    code: string
    newPassword: string
    newPasscode?: string | undefined
  },
) => {
  const phone = toE164(input.phone)
  const personalId = input.personalId.trim().toUpperCase()
  const failures = [
    ...deps.policy.checkPassword(input.newPassword, { personalIdNumber: personalId, phone }),
    ...(input.newPasscode === undefined ? [] : deps.policy.checkPasscode(input.newPasscode)),
  ]
  if (failures.length) fail(ACCOUNTS.CREDENTIALS_REJECTED, undefined, { failures })
  const account = await findAccountBySubject(deps.db, personalId)
  // An unknown number is refused exactly like a wrong code.
  assertOtp(
    account
      ? await verifyOtp(deps, { purpose: 'password_reset', subject: account.id, code: input.code })
      : { ok: false, reason: 'invalid' },
  )
  if (!account) return fail(ACCOUNTS.NOT_ACTIVATABLE)
  const passwordHash = await hashSecret(input.newPassword.normalize('NFC'))
  const passcodeHash = input.newPasscode === undefined ? null : await hashSecret(input.newPasscode)
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    await trx
      .updateTable('accounts_account')
      .set((eb) => ({
        password_hash: passwordHash,
        ...(passcodeHash ? { passcode_hash: passcodeHash } : {}),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', account.id)
      .execute()
    const ended = await revokeSessions(trx, account.id, 'password_reset', now)
    await enqueueNotification(trx, deps.clock, {
      channel: 'sms',
      recipient: account.phone,
      template: 'accounts.password.reset',
      body: 'Mat khau tai khoan dinh danh dien tu cua ban vua duoc dat lai. Neu khong phai ban, hay khoa tai khoan ngay.',
    })
    await recordAudit(trx, deps.clock, {
      actor: personalId,
      actorKind: 'citizen',
      action: 'accounts.password.reset',
      subject: personalId,
      subjectKind: account.subject_kind,
      purpose: 'account-recovery',
      data: { passcodeReset: passcodeHash !== null, sessionsEnded: ended.length },
    })
    return { reset: true as const, sessionsEnded: ended.length }
  })
}
