import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { AccountRow } from './accounts.table.js'
import { addLock, liftLocks, openLocks, setStatus } from './lock.repository.js'
import { revokeSessions } from './session.repository.js'

type Trx = Transaction<Database>

/** With no lock left an account is what it was before: active, or approved while nobody has activated it (a dependent's). */
export const unlockedStatus = (account: Pick<AccountRow, 'activated_at'>) =>
  account.activated_at === null ? ('approved' as const) : ('active' as const)

/**
 * The holder side's lock (form TK03, D69 Art 29-30), asked by the holder or by their representative:
 * at once, and every session ends. `by` is who asked; the lock is the holder's (initiator `self`) either way.
 */
export const placeHolderLock = async (trx: Trx, account: Pick<AccountRow, 'id'>, by: string, now: Date) => {
  await addLock(trx, {
    id: randomUUID(),
    accountId: account.id,
    ground: 'holder_request',
    initiator: 'self',
    form: 'TK03',
    by,
    at: now,
  })
  await setStatus(trx, account.id, 'locked', now)
  const ended = await revokeSessions(trx, account.id, 'account_locked', now)
  return { sessionsEnded: ended.length }
}

/**
 * Lifts the holder side's own locks and never a system or an authority lock (those end with their ground
 * or by their authority): the account stays locked while any of them remains.
 */
export const liftHolderLocks = async <S extends 'active' | 'approved'>(
  trx: Trx,
  account: Pick<AccountRow, 'id'>,
  by: string,
  whenFree: S,
  now: Date,
) => {
  const locks = await openLocks(trx, account.id)
  const own = locks.filter((l) => l.initiator === 'self').map((l) => l.id)
  await liftLocks(trx, account.id, own, by, now)
  const remaining = locks.length - own.length
  const status: S | 'locked' = remaining === 0 ? whenFree : 'locked'
  await setStatus(trx, account.id, status, now)
  return { lifted: own.length, remaining, status }
}
