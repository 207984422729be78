import { randomUUID } from 'node:crypto'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { startPeriodic } from '../../platform/periodic.js'
import { assertOtp, issueOtp, verifyOtp } from '../authn/index.js'
import {
  FOREIGNER_ID,
  findForeignerRecord,
  findPersonIdByOldNumber,
  findPersonRecord,
} from '../registry/index.js'
import { findAccountBySubject } from './account.repository.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { AccountRow } from './accounts.table.js'
import { endAuthorityLocks } from './authority-lock.js'
import { liftHolderLocks, placeHolderLock, unlockedStatus } from './holder-lock.js'
import { addLock, liftLocks, lockableAccounts, openLocks, setStatus } from './lock.repository.js'
import { checkPassword } from './password.check.js'
import { revokeSessions } from './session.repository.js'
import { phoneHint } from './session.tokens.js'

export type LockDeps = Pick<Deps, 'db' | 'clock' | 'policy' | 'otpKey'>
type Who = { actor: string; actorKind: 'citizen' | 'system'; requestId?: string }

const audit = (
  trx: Transaction<Database>,
  deps: LockDeps,
  account: Pick<AccountRow, 'subject_id'>,
  who: Who,
  action: string,
  data: Record<string, unknown>,
) =>
  recordAudit(trx, deps.clock, {
    actor: who.actor,
    actorKind: who.actorKind,
    action: `accounts.${action}`,
    subject: account.subject_id,
    subjectKind: 'citizen',
    purpose: 'account-lock',
    data,
    requestId: who.requestId ?? null,
  })

const sms = (trx: Transaction<Database>, deps: LockDeps, phone: string, template: string, body: string) =>
  enqueueNotification(trx, deps.clock, { channel: 'sms', recipient: phone, template, body })

/**
 * The holder locks the account at once (form TK03, D69 Art 29-30): every session ends, nobody can log in
 * until the holder unlocks it. From a session, or with the ID number and password when the phone is lost.
 */
export const lockByHolder = (deps: LockDeps, account: AccountRow, who: Who) =>
  deps.db.transaction().execute(async (trx) => {
    const { sessionsEnded } = await placeHolderLock(trx, account, who.actor, deps.clock.now())
    await sms(
      trx,
      deps,
      account.phone,
      'accounts.lock.holder',
      'Tai khoan dinh danh dien tu cua ban da bi khoa theo yeu cau cua ban. Mo khoa tren ung dung bang mat khau va ma xac thuc.',
    )
    await audit(trx, deps, account, who, 'account.locked', {
      ground: 'holder_request',
      form: 'TK03',
      sessionsEnded,
    })
    return { status: 'locked' as const }
  })

/** A lock without a session (a lost phone): the ID number and the password are enough to lock. */
export const lockWithPassword = async (
  deps: LockDeps,
  input: { username: string; password: string },
  who: Omit<Who, 'actor' | 'actorKind'> & { ip: string },
) => {
  const account = await checkPassword(deps, input, who.ip)
  if (account.status === 'closed') fail(ACCOUNTS.ACCOUNT_LOCKED)
  return lockByHolder(deps, account, {
    actor: account.subject_id,
    actorKind: 'citizen',
    ...(who.requestId ? { requestId: who.requestId } : {}),
  })
}

/** Unlocking, step 1: the password, then a one-time code to the registered phone. */
export const startUnlock = async (
  deps: LockDeps,
  input: { username: string; password: string },
  ip: string,
) => {
  const account = await checkPassword(deps, input, ip)
  const own = (await openLocks(deps.db, account.id)).filter((l) => l.initiator === 'self')
  if (account.status !== 'locked' || own.length === 0) fail(ACCOUNTS.NOT_LOCKED_BY_HOLDER)
  await issueOtp(deps, { purpose: 'unlock', subject: account.id, recipient: account.phone, channel: 'sms' })
  return { phoneHint: phoneHint(account.phone) }
}

/**
 * Unlocking, step 2: the code lifts the holder's own locks; the account is active again only if no other
 * lock (an expired card, an authority's request) remains.
 */
export const finishUnlock = async (
  deps: LockDeps,
  input: { username: string; code: string },
  who: { requestId?: string },
) => {
  const account =
    (await findAccountBySubject(deps.db, input.username.trim())) ?? fail(ACCOUNTS.NOT_LOCKED_BY_HOLDER)
  assertOtp(await verifyOtp(deps, { purpose: 'unlock', subject: account.id, code: input.code }))
  return deps.db.transaction().execute(async (trx) => {
    // Whoever unlocks with a password has activated the account: free of locks, it is active.
    const { lifted, remaining, status } = await liftHolderLocks(
      trx,
      account,
      account.subject_id,
      'active',
      deps.clock.now(),
    )
    await sms(
      trx,
      deps,
      account.phone,
      'accounts.lock.lifted',
      remaining === 0
        ? 'Tai khoan dinh danh dien tu cua ban da duoc mo khoa.'
        : 'Da go khoa theo yeu cau cua ban; tai khoan van bi khoa vi ly do khac.',
    )
    await audit(
      trx,
      deps,
      account,
      {
        actor: account.subject_id,
        actorKind: 'citizen',
        ...(who.requestId ? { requestId: who.requestId } : {}),
      },
      'account.unlocked',
      { lifted, remaining },
    )
    return { status, remainingLocks: remaining }
  })
}

const SYSTEM: Who = { actor: 'system:lock-job', actorKind: 'system' }

/** What the registry says about the holder now, in the policy's terms. */
const factsOf = async (deps: LockDeps, subjectId: string) => {
  // A foreigner's account follows their passport and residence card (DOMAIN §4 rule 8, D69 Art 15).
  if (FOREIGNER_ID.test(subjectId)) {
    const f = await findForeignerRecord(deps.db, subjectId)
    return f
      ? ({
          kind: 'foreigner',
          alive: f.status === 'alive',
          passportExpiresOn: f.passport.expiresOn,
          residenceCardExpiresOn: f.residenceCard.expiresOn,
        } as const)
      : null
  }
  const record = await findPersonRecord(deps.db, subjectId)
  if (!record) {
    // A number that now points to another one was cancelled (re-established number, D34 Art 10).
    const current = await findPersonIdByOldNumber(deps.db, subjectId)
    return current === undefined
      ? null
      : ({
          kind: 'citizen',
          alive: true,
          cardStatus: 'valid',
          cardExpiresOn: null,
          idNumberCancelled: true,
        } as const)
  }
  const card = record.cards[0]
  return {
    kind: 'citizen',
    alive: record.status === 'alive',
    cardStatus: card?.status === 'revoked' ? 'revoked' : card?.status === 'expired' ? 'expired' : 'valid',
    cardExpiresOn: card?.expires_on ?? null,
    idNumberCancelled: false,
  } as const
}

/**
 * The automatic locks (DOMAIN §4 rules 3, 4, 7; D69 Art 15, 29): an expired or revoked card locks the
 * account, death or a cancelled number closes it, and the lock is lifted by itself when its ground ends.
 * Locks by the holder are never touched, an authority's only once the last day it gave has passed.
 * Safe to run again and again.
 */
export const applyAutomaticLocks = async (deps: LockDeps, opts: { pageSize?: number } = {}) => {
  const report = { checked: 0, locked: 0, unlocked: 0, closed: 0, authorityLocksEnded: 0 }
  const today = vietnamDateOf(deps.clock.now())
  report.authorityLocksEnded = await endAuthorityLocks(deps, today, opts.pageSize)
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const page = await lockableAccounts(deps.db, after, opts.pageSize ?? 500)
    if (page.length === 0) break
    after = page.at(-1)?.id ?? after
    for (const account of page) {
      report.checked++
      const facts = await factsOf(deps, account.subject_id)
      if (!facts) continue
      const grounds = deps.policy.automaticLockGrounds(facts, today)
      // The common case: nothing holds, and an active account has no open lock to lift.
      if (grounds.length === 0 && account.status === 'active') continue
      await deps.db.transaction().execute(async (trx) => {
        const now = deps.clock.now()
        const open = await openLocks(trx, account.id)
        const system = open.filter((l) => l.initiator === 'system')
        const stale = system.filter((l) => !grounds.some((g) => g.ground === l.ground)).map((l) => l.id)
        const fresh = grounds.filter((g) => !system.some((l) => l.ground === g.ground))
        for (const g of fresh)
          await addLock(trx, {
            id: randomUUID(),
            accountId: account.id,
            ground: g.ground,
            initiator: 'system',
            form: null,
            by: SYSTEM.actor,
            at: now,
          })
        await liftLocks(trx, account.id, stale, SYSTEM.actor, now)
        const closing = grounds.some((g) => g.effect === 'close')
        const stillOpen = open.length - stale.length + fresh.length
        const status = closing ? 'closed' : stillOpen > 0 ? 'locked' : unlockedStatus(account)
        if (status === account.status) return
        await setStatus(trx, account.id, status, now)
        const freed = status === 'active' || status === 'approved'
        if (!freed) await revokeSessions(trx, account.id, `account_${status}`, now)
        if (status === 'locked') report.locked++
        if (freed) report.unlocked++
        if (status === 'closed') report.closed++
        const why = grounds.map((g) => g.ground)
        if (status !== 'closed')
          await sms(
            trx,
            deps,
            account.phone,
            `accounts.lock.${status === 'locked' ? 'automatic' : 'lifted'}`,
            status === 'locked'
              ? `Tai khoan dinh danh dien tu cua ban da bi khoa tu dong (${why.join(', ')}). Tai khoan se duoc mo khi ly do khong con.`
              : 'Tai khoan dinh danh dien tu cua ban da duoc mo khoa tu dong.',
          )
        await audit(
          trx,
          deps,
          account,
          SYSTEM,
          freed ? 'account.unlocked' : status === 'closed' ? 'account.closed' : 'account.locked',
          {
            grounds: why,
            automatic: true,
          },
        )
      })
    }
  }
  return report
}

/** Runs the automatic locks on a schedule (hourly by default); `stop()` waits for the run in progress. */
export const startLockJob = (deps: LockDeps & Pick<Deps, 'log'>, opts: { intervalMs?: number } = {}) =>
  startPeriodic(
    async () => {
      const r = await applyAutomaticLocks(deps)
      if (r.locked + r.unlocked + r.closed + r.authorityLocksEnded > 0)
        deps.log.info(r, 'automatic account locks applied')
    },
    {
      intervalMs: opts.intervalMs ?? 3_600_000,
      firstDelayMs: 5_000,
      onError: (e) => deps.log.error({ err: e }, 'automatic lock run failed'),
    },
  )
