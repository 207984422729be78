import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { assertOtp, hashAnswer, hashSecret, issueOtp, verifyOtp } from '../authn/index.js'
import { findForeignerRecord, matchDeclared } from '../registry/index.js'
import { activateAccount, findAccountBySubject } from './account.repository.js'
import { ACCOUNTS } from './accounts.errors.js'
import { toE164 } from './accounts.phone.js'
import type { AccountRow } from './accounts.table.js'
import { endRepresentation, takeoverAllowed } from './takeover.js'
import { usernameOf } from './username.js'

export type ActivationDeps = Pick<Deps, 'db' | 'clock' | 'policy' | 'otpKey'>

export type ActivationStart = {
  /** The username: the personal ID number, or a foreigner's ID number (NN and 10 digits, any case). */
  personalId: string
  phone: string
  /** A dependent taking over an account filed by their representative proves who they are with these. */
  fullName?: string | undefined
  dateOfBirth?: string | undefined
  cardIssuedOn?: string | undefined
}
export type ActivationFinish = ActivationStart & {
  code: string
  password: string
  passcode: string
  securityQuestions: Array<{ questionId: string; answer: string }>
}

const otpSubject = (personalId: string, phone: string) => `${personalId.trim()}:${phone}`

// The holder's birth date on record: the passcode must not be it.
const birthDateOf = async (deps: ActivationDeps, account: AccountRow): Promise<string | undefined> => {
  if (account.subject_kind === 'foreigner')
    return (await findForeignerRecord(deps.db, account.subject_id))?.dateOfBirth
  const person = await matchDeclared(deps.db, { personalId: account.subject_id })
  return person.kind === 'match' ? person.person.dateOfBirth : undefined
}

/**
 * Step 1 of activation (DOMAIN §4): ID number + phone. A code goes by SMS only when an approved account
 * has that phone; the answer is the same either way, so nobody learns who registered.
 */
export const startActivation = async (
  deps: ActivationDeps,
  input: ActivationStart,
): Promise<{ sent: true }> => {
  const phone = toE164(input.phone)
  const account = await findAccountBySubject(deps.db, usernameOf(input.personalId))
  const ownPhone =
    account?.phone === phone || (account !== undefined && (await takeoverAllowed(deps, account, input)))
  if (account?.status === 'approved' && ownPhone)
    await issueOtp(deps, {
      purpose: 'activation',
      subject: otpSubject(account.subject_id, phone),
      recipient: phone,
      channel: 'sms',
    })
  return { sent: true }
}

/**
 * Step 2: the code, then the password (8–20 with digit, upper, lower, special), the 6-digit passcode and
 * two security questions, checked by the legal regime's rules, stored as Argon2id hashes. The account
 * becomes active; the holder is told by SMS.
 */
export const finishActivation = async (deps: ActivationDeps, input: ActivationFinish) => {
  const phone = toE164(input.phone)
  const personalId = usernameOf(input.personalId)
  // Rules that need nothing from the records come first, so a typo does not burn the code.
  const stateless = [
    ...deps.policy.checkPassword(input.password, { personalIdNumber: personalId, phone }),
    ...deps.policy.checkPasscode(input.passcode),
    ...deps.policy.checkSecurityQuestions(input.securityQuestions),
  ]
  if (stateless.length) fail(ACCOUNTS.CREDENTIALS_REJECTED, undefined, { failures: stateless })
  // Then the code: without it nothing about the account or the person is looked at (or leaks).
  assertOtp(
    await verifyOtp(deps, {
      purpose: 'activation',
      subject: otpSubject(personalId, phone),
      code: input.code,
    }),
  )
  const account = (await findAccountBySubject(deps.db, personalId)) ?? fail(ACCOUNTS.NOT_ACTIVATABLE)
  const dateOfBirth = await birthDateOf(deps, account)
  const byBirthDate = dateOfBirth ? deps.policy.checkPasscode(input.passcode, { dateOfBirth }) : []
  if (byBirthDate.length) fail(ACCOUNTS.CREDENTIALS_REJECTED, undefined, { failures: byBirthDate })
  // The NFC form is what the length rule counted and what a login will hash.
  const [passwordHash, passcodeHash, ...answers] = await Promise.all([
    hashSecret(input.password.normalize('NFC')),
    hashSecret(input.passcode),
    ...input.securityQuestions.map((q) => hashAnswer(q.answer)),
  ])
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const activated =
      (await activateAccount(
        trx,
        account.id,
        {
          passwordHash: passwordHash as string,
          passcodeHash: passcodeHash as string,
          securityQa: input.securityQuestions.map((q, i) => ({
            questionId: q.questionId,
            answerHash: answers[i] as string,
          })),
        },
        now,
      )) ?? fail(ACCOUNTS.NOT_ACTIVATABLE)
    // A dependent taking over the account filed by their representative: their own phone from now on.
    const takeover = account.created_via === 'representative' && account.phone !== phone
    if (takeover) await endRepresentation(trx, deps, account, phone, now)
    await enqueueNotification(trx, deps.clock, {
      channel: 'sms',
      recipient: phone,
      template: 'accounts.account.activated',
      body: 'Tai khoan dinh danh dien tu cua ban da duoc kich hoat. Neu khong phai ban thuc hien, hay khoa tai khoan ngay.',
    })
    await recordAudit(trx, deps.clock, {
      actor: personalId,
      actorKind: 'citizen',
      action: 'accounts.account.activated',
      subject: personalId,
      subjectKind: account.subject_kind,
      purpose: 'eid-activation',
      data: { level: activated.level, ...(takeover ? { takeover: true } : {}) },
    })
    return { username: activated.subject_id, level: activated.level, status: activated.status }
  })
}
