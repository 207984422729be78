import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { assertOtp, issueOtp, verifyOtp } from '../authn/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import { toE164 } from './accounts.phone.js'
import { checkOwnPhone } from './own-phone.js'
import { revokeSessions } from './session.repository.js'
import type { CurrentSession } from './session.service.js'
import { phoneHint } from './session.tokens.js'

export type PhoneChangeDeps = Pick<Deps, 'db' | 'clock' | 'otpKey' | 'phoneOwnership'>

/**
 * Changing the registered phone, step 1: the new number must be in the holder's own name (D69 Art 10, asked
 * of the carrier), then one code to the current number and one to the new number; both must come back
 * (possession of both), so a stolen session alone cannot move the account to another phone.
 */
export const startPhoneChange = async (
  deps: PhoneChangeDeps,
  s: CurrentSession,
  input: { newPhone: string },
  ctx: { requestId?: string } = {},
) => {
  const next = toE164(input.newPhone)
  if (next === s.account.phone) fail(ACCOUNTS.SAME_PHONE)
  const owner = s.account.subject_id
  const ownership = await checkOwnPhone(deps, {
    phone: next,
    subject: { id: owner, kind: s.account.subject_kind },
    document: s.account.subject_kind === 'foreigner' ? { foreignerId: owner } : { personalId: owner },
    who: { actor: owner, actorKind: 'citizen', purpose: 'account-maintenance', requestId: ctx.requestId },
  })
  if (ownership === 'unavailable') fail(ACCOUNTS.CARRIER_UNAVAILABLE)
  if (ownership !== 'own_name') fail(ACCOUNTS.PHONE_NOT_OWN_NAME)
  const subject = `${s.account.id}:${next}`
  await deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx }
    await issueOtp(tx, { purpose: 'phone_change_old', subject, recipient: s.account.phone, channel: 'sms' })
    await issueOtp(tx, { purpose: 'phone_change_new', subject, recipient: next, channel: 'sms' })
  })
  return { currentHint: phoneHint(s.account.phone), newHint: phoneHint(next) }
}

/** Step 2: both codes; the phone changes, other sessions end, both numbers are told. */
export const finishPhoneChange = async (
  deps: PhoneChangeDeps,
  s: CurrentSession,
  input: { newPhone: string; currentCode: string; newCode: string },
) => {
  const next = toE164(input.newPhone)
  const subject = `${s.account.id}:${next}`
  assertOtp(await verifyOtp(deps, { purpose: 'phone_change_old', subject, code: input.currentCode }))
  assertOtp(await verifyOtp(deps, { purpose: 'phone_change_new', subject, code: input.newCode }))
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    await trx
      .updateTable('accounts_account')
      .set((eb) => ({ phone: next, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', s.account.id)
      .execute()
    const ended = await revokeSessions(trx, s.account.id, 'phone_changed', now, { except: s.sessionId })
    // The accounts a representative filed with their phone (Decree 69) follow it until taken over.
    const dependents = await trx
      .updateTable('accounts_account')
      .set((eb) => ({ phone: next, updated_at: now, version: eb('version', '+', 1) }))
      .where('phone', '=', s.account.phone)
      .where('created_via', '=', 'representative')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('accounts_representation')
          .select('dependent_account_id')
          .where('representative_account_id', '=', s.account.id)
          .where('ended_at', 'is', null)
          .where('dependent_account_id', 'is not', null),
      )
      .returning('subject_id')
      .execute()
    for (const recipient of [s.account.phone, next])
      await enqueueNotification(trx, deps.clock, {
        channel: 'sms',
        recipient,
        template: 'accounts.phone.changed',
        body: `So dien thoai cua tai khoan dinh danh dien tu da doi sang ${phoneHint(next).replace(/\s/g, '')}. Neu khong phai ban, hay khoa tai khoan ngay.`,
      })
    await recordAudit(trx, deps.clock, {
      actor: s.account.subject_id,
      actorKind: 'citizen',
      action: 'accounts.phone.changed',
      subject: s.account.subject_id,
      subjectKind: s.account.subject_kind,
      purpose: 'account-maintenance',
      data: {
        from: phoneHint(s.account.phone),
        to: phoneHint(next),
        sessionsEnded: ended.length,
        dependentsFollowed: dependents.map((d) => d.subject_id),
      },
    })
    return { phone: phoneHint(next), sessionsEnded: ended.length }
  })
}
