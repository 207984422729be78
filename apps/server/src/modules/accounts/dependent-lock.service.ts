import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import { liftHolderLocks, placeHolderLock, unlockedStatus } from './holder-lock.js'
import { lockAccountRow, openLocks } from './lock.repository.js'
import { actingFor, auditBoth, type DependentsDeps } from './representation.js'
import type { CurrentSession } from './session.service.js'
import { requireStepUp } from './step-up.js'

const sms = (
  trx: Transaction<Database>,
  deps: DependentsDeps,
  phone: string,
  template: string,
  body: string,
) => enqueueNotification(trx, deps.clock, { channel: 'sms', recipient: phone, template, body })

/** The dependent's own account (Decree 69), held for this transaction; under Decree 59 there is none. */
const heldAccount = async (trx: Transaction<Database>, accountId: string | undefined) =>
  (accountId ? await lockAccountRow(trx, accountId) : undefined) ?? fail(ACCOUNTS.DEPENDENT_HAS_NO_ACCOUNT)

/**
 * A representative locks the dependent's own account on their behalf (form TK03, D69 Art 29-30): the
 * holder side's lock, placed at once, with the representative kept as who asked. Locking twice is one act.
 */
export const lockForDependent = async (
  deps: DependentsDeps,
  s: CurrentSession,
  dependentId: string,
  requestId?: string,
) => {
  const { account } = await actingFor(deps, s.account, dependentId)
  return deps.db.transaction().execute(async (trx) => {
    const row = await heldAccount(trx, account?.id)
    if (row.status === 'closed') fail(ACCOUNTS.ACCOUNT_LOCKED)
    const open = await openLocks(trx, row.id)
    if (open.some((l) => l.initiator === 'self')) return { status: 'locked' as const }
    const { sessionsEnded } = await placeHolderLock(trx, row, s.account.subject_id, deps.clock.now())
    await sms(
      trx,
      deps,
      row.phone,
      'accounts.lock.representative',
      'Tai khoan dinh danh dien tu cua nguoi ban dai dien da bi khoa theo de nghi cua ban (mau TK03).',
    )
    await auditBoth(
      trx,
      deps,
      s.account,
      dependentId,
      'account.locked',
      { ground: 'holder_request', form: 'TK03', sessionsEnded },
      requestId,
    )
    return { status: 'locked' as const }
  })
}

/**
 * A representative lifts the locks the holder side placed (theirs or the dependent's), never a system or
 * an authority lock: the account stays locked while one of those remains. Unlocking opens the account
 * again, so it needs a step-up (the holder's own unlock asks for the password and an SMS code).
 */
export const unlockForDependent = async (
  deps: DependentsDeps,
  s: CurrentSession,
  dependentId: string,
  requestId?: string,
) => {
  const { account } = await actingFor(deps, s.account, dependentId)
  await requireStepUp(deps, s)
  return deps.db.transaction().execute(async (trx) => {
    const row = await heldAccount(trx, account?.id)
    const open = await openLocks(trx, row.id)
    if (row.status !== 'locked' || !open.some((l) => l.initiator === 'self'))
      fail(ACCOUNTS.NOT_LOCKED_BY_HOLDER)
    const { lifted, remaining, status } = await liftHolderLocks(
      trx,
      row,
      s.account.subject_id,
      unlockedStatus(row),
      deps.clock.now(),
    )
    await sms(
      trx,
      deps,
      row.phone,
      'accounts.lock.lifted',
      remaining === 0
        ? 'Tai khoan dinh danh dien tu cua nguoi ban dai dien da duoc mo khoa.'
        : 'Da go khoa theo de nghi cua ban; tai khoan cua nguoi ban dai dien van bi khoa vi ly do khac.',
    )
    await auditBoth(trx, deps, s.account, dependentId, 'account.unlocked', { lifted, remaining }, requestId)
    return { status, remainingLocks: remaining }
  })
}
