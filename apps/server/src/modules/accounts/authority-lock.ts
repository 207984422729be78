import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { AccountRow } from './accounts.table.js'
import { unlockedStatus } from './holder-lock.js'
import { addLock, liftLocks, lockAccountRow, openLocks, setStatus } from './lock.repository.js'
import { revokeSessions } from './session.repository.js'

type Trx = Transaction<Database>

/** The ground of every authority lock: a request of a prosecuting or other competent authority. */
export const AUTHORITY_LOCK_GROUND = 'authority_request'

export type AuthorityAct = {
  subjectId: string
  /** The deciding officer: their number is the lock's `locked_by` / `unlocked_by`. */
  officer: { number: string; unit: string }
  /** The lock request this carries out, kept in the audit data. */
  lockRequestId: string
  requestId?: string
  /** A lock only: its last day, if the authority gave one; the lock job lifts it the day after. */
  until?: string | null
}

// SMS texts carry no diacritics: every handset shows them, and one message holds 160 characters.
const SMS = {
  locked:
    'Tai khoan dinh danh dien tu cua ban da bi khoa theo yeu cau cua co quan co tham quyen. Lien he co quan Cong an de biet them.',
  lifted: 'Tai khoan dinh danh dien tu cua ban da duoc mo khoa theo yeu cau cua co quan co tham quyen.',
  stillLocked: 'Da go khoa theo yeu cau cua co quan co tham quyen; tai khoan van bi khoa vi ly do khac.',
  lockedUntil: (day: string) =>
    `Tai khoan dinh danh dien tu cua ban da bi khoa theo yeu cau cua co quan co tham quyen den het ngay ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}. Lien he co quan Cong an de biet them.`,
  ended:
    'Tai khoan dinh danh dien tu cua ban da duoc mo khoa tu dong: het thoi han khoa theo yeu cau cua co quan co tham quyen.',
  endedStillLocked:
    'Het thoi han khoa theo yeu cau cua co quan co tham quyen; tai khoan van bi khoa vi ly do khac.',
}

const accountOf = async (trx: Trx, subjectId: string): Promise<AccountRow> => {
  const found = await trx
    .selectFrom('accounts_account')
    .select('id')
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()
  // The row is held until the transaction ends: the holder's unlock and the lock job wait their turn.
  return (found && (await lockAccountRow(trx, found.id))) ?? fail(ACCOUNTS.NOT_FOUND)
}

const record = (
  trx: Trx,
  deps: Pick<Deps, 'clock'>,
  a: AccountRow,
  act: AuthorityAct,
  action: string,
  data: object,
) =>
  recordAudit(trx, deps.clock, {
    actor: act.officer.number,
    actorKind: 'officer',
    action: `accounts.${action}`,
    subject: a.subject_id,
    subjectKind: a.subject_kind,
    purpose: 'account-lock',
    data: { unit: act.officer.unit, lockRequestId: act.lockRequestId, initiator: 'authority', ...data },
    requestId: act.requestId ?? null,
  })

const sms = (trx: Trx, deps: Pick<Deps, 'clock'>, a: AccountRow, template: string, body: string) =>
  enqueueNotification(trx, deps.clock, { channel: 'sms', recipient: a.phone, template, body })

/**
 * Places an authority's lock (LID Art 34(1)(e); D69 Art 29-30) in the caller's transaction: every session
 * ends and the holder is told by SMS. Only the authority lifts it (liftAuthorityLock), never the holder.
 */
export const placeAuthorityLock = async (trx: Trx, deps: Pick<Deps, 'clock'>, act: AuthorityAct) => {
  const now = deps.clock.now()
  const account = await accountOf(trx, act.subjectId)
  if (account.status === 'closed') fail(ACCOUNTS.ACCOUNT_CLOSED)
  const open = await openLocks(trx, account.id)
  if (open.some((l) => l.initiator === 'authority')) fail(ACCOUNTS.ALREADY_LOCKED_BY_AUTHORITY)
  const lockId = randomUUID()
  await addLock(trx, {
    id: lockId,
    accountId: account.id,
    ground: AUTHORITY_LOCK_GROUND,
    initiator: 'authority',
    form: null,
    by: act.officer.number,
    at: now,
    until: act.until ?? null,
  })
  await setStatus(trx, account.id, 'locked', now)
  const ended = await revokeSessions(trx, account.id, 'account_locked', now)
  await sms(
    trx,
    deps,
    account,
    'accounts.lock.authority',
    act.until ? SMS.lockedUntil(act.until) : SMS.locked,
  )
  await record(trx, deps, account, act, 'account.locked', {
    ground: AUTHORITY_LOCK_GROUND,
    lockId,
    sessionsEnded: ended.length,
    ...(act.until ? { lockUntil: act.until } : {}),
  })
  return { accountId: account.id, lockId, status: 'locked' as const }
}

/**
 * Lifts the authority's lock in the caller's transaction; any other lock (the holder's, an expired card)
 * stays, and the account stays locked while one remains. The holder is told by SMS.
 */
export const liftAuthorityLock = async (trx: Trx, deps: Pick<Deps, 'clock'>, act: AuthorityAct) => {
  const now = deps.clock.now()
  const account = await accountOf(trx, act.subjectId)
  const open = await openLocks(trx, account.id)
  const authority = open.filter((l) => l.initiator === 'authority').map((l) => l.id)
  if (authority.length === 0) fail(ACCOUNTS.NOT_LOCKED_BY_AUTHORITY)
  await liftLocks(trx, account.id, authority, act.officer.number, now)
  const remaining = open.length - authority.length
  const status = account.status === 'closed' ? 'closed' : remaining === 0 ? unlockedStatus(account) : 'locked'
  await setStatus(trx, account.id, status, now)
  await sms(trx, deps, account, 'accounts.lock.lifted', remaining === 0 ? SMS.lifted : SMS.stillLocked)
  await record(trx, deps, account, act, 'account.unlocked', { lifted: authority.length, remaining })
  return { accountId: account.id, lockId: authority[0] ?? null, status, remainingLocks: remaining }
}

/** Whether the holder's account has an open authority lock (checked when a request is recorded). */
export const authorityLockState = async (db: Trx | Deps['db'], subjectId: string) => {
  const account = await db
    .selectFrom('accounts_account')
    .select(['id', 'status'])
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()
  if (!account) return null
  const open = await openLocks(db, account.id)
  return {
    accountId: account.id,
    status: account.status,
    authorityLocked: open.some((l) => l.initiator === 'authority'),
  }
}

const LOCK_JOB = 'system:lock-job'

/** Open authority locks whose last day is before `today`, a page after `after` (by id). */
const endedAuthorityLocks = (db: Deps['db'], today: string, after: string, limit: number) =>
  db
    .selectFrom('accounts_lock')
    .select(['id', 'account_id'])
    .where('initiator', '=', 'authority')
    .where('unlocked_at', 'is', null)
    .where('lock_until', '<', today)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute()

/** Lifts one ended authority lock, if it is still open once the account row is held; the holder is told. */
const endAuthorityLock = (
  deps: Pick<Deps, 'db' | 'clock'>,
  lock: { id: string; account_id: string },
  today: string,
) =>
  deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const account = await lockAccountRow(trx, lock.account_id)
    if (!account) return false
    const open = await openLocks(trx, account.id)
    // The authority's own unlock may have come first: then there is nothing left to end.
    const ending = open.find((l) => l.id === lock.id && l.lock_until !== null && l.lock_until < today)
    if (!ending) return false
    await liftLocks(trx, account.id, [ending.id], LOCK_JOB, now)
    const remaining = open.length - 1
    const status =
      account.status === 'closed' ? 'closed' : remaining === 0 ? unlockedStatus(account) : 'locked'
    await setStatus(trx, account.id, status, now)
    await sms(trx, deps, account, 'accounts.lock.lifted', remaining === 0 ? SMS.ended : SMS.endedStillLocked)
    await recordAudit(trx, deps.clock, {
      actor: LOCK_JOB,
      actorKind: 'system',
      action: 'accounts.account.unlocked',
      subject: account.subject_id,
      subjectKind: account.subject_kind,
      purpose: 'account-lock',
      data: {
        initiator: 'authority',
        ground: AUTHORITY_LOCK_GROUND,
        lockId: ending.id,
        lockUntil: ending.lock_until,
        automatic: true,
        remaining,
      },
      requestId: null,
    })
    return true
  })

/**
 * Ends every authority lock whose last day (`lock_until`) is before `today` in Vietnam: the reason has
 * ended (D59 Art 19(4)(a), D69 Art 30). Run by the lock job; a lock without an end date is never touched.
 */
export const endAuthorityLocks = async (deps: Pick<Deps, 'db' | 'clock'>, today: string, pageSize = 500) => {
  let ended = 0
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const page = await endedAuthorityLocks(deps.db, today, after, pageSize)
    if (page.length === 0) return ended
    after = page.at(-1)?.id ?? after
    for (const lock of page) if (await endAuthorityLock(deps, lock, today)) ended++
  }
}
