import { fail } from '../../platform/errors.js'
import type { AuthnDeps } from './authn.deps.js'
import { AUTHN } from './authn.errors.js'
import {
  type Backoff,
  clearFailures,
  countAccountFailure,
  countSourceFailure,
  deleteStaleFailures,
  findLockRows,
} from './authn.lockout.repository.js'
import { ANY_SOURCE, sourceOf } from './authn.source.js'

/**
 * Failed logins slow down guessing without letting anyone lock a victim out for long:
 * - per account and source (IPv4 address, IPv6 /64): `freeFailures` free, then a delay of
 *   `baseDelaySeconds`, doubling with each further failure, capped at `maxDelaySeconds`;
 * - per account, whatever the source, only once failures come from `distinctSources` sources within
 *   `sourceWindowSeconds` (a distributed guess): the same backoff from the first such failure. A device the
 *   account already used (`trustedDevice`) is not held by this account-wide delay.
 * Failures are forgotten after `forgetAfterSeconds` without one; a success clears the source's and the
 * account-wide counters.
 */
export type LockoutPolicy = Backoff & {
  distinctSources: number
  sourceWindowSeconds: number
  forgetAfterSeconds: number
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  freeFailures: 5,
  baseDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
  distinctSources: 10,
  sourceWindowSeconds: 60 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
}

export type LoginAttempt = { account: string; ip: string; trustedDevice?: boolean }
export type LockScope = 'source' | 'account'
export type LockoutState =
  | { locked: false }
  | { locked: true; until: Date; scope: LockScope; retryAfterSeconds: number }
type Lock = { until: Date | null; scope: LockScope }

// The lock that ends last wins.
const stateOf = (now: Date, locks: Lock[]): LockoutState => {
  let active: { until: Date; scope: LockScope } | undefined
  for (const { until, scope } of locks)
    if (until && until > now && (!active || until > active.until)) active = { until, scope }
  if (!active) return { locked: false }
  const retryAfterSeconds = Math.ceil((active.until.getTime() - now.getTime()) / 1000)
  return { locked: true, ...active, retryAfterSeconds }
}

/** Whether this account may try to log in from this source now; ask before verifying the password. */
export const checkLockout = async (deps: AuthnDeps, who: LoginAttempt): Promise<LockoutState> => {
  const rows = await findLockRows(deps.db, who.account, sourceOf(who.ip))
  const locks = rows
    .filter((r) => r.source !== ANY_SOURCE || !who.trustedDevice)
    .map((r): Lock => ({ until: r.locked_until, scope: r.source === ANY_SOURCE ? 'account' : 'source' }))
  return stateOf(deps.clock.now(), locks)
}

/** Counts a failed login (wrong password or passcode); returns the state it leaves. */
export const recordFailure = async (
  deps: AuthnDeps,
  who: LoginAttempt,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): Promise<LockoutState> => {
  const now = deps.clock.now()
  const forgetBefore = new Date(now.getTime() - policy.forgetAfterSeconds * 1000)
  const src = await countSourceFailure(deps.db, {
    account: who.account,
    source: sourceOf(who.ip),
    now,
    forgetBefore,
    backoff: policy,
  })
  const acc = await countAccountFailure(deps.db, {
    account: who.account,
    now,
    since: new Date(now.getTime() - policy.sourceWindowSeconds * 1000),
    distinctSources: policy.distinctSources,
    forgetBefore,
    backoff: { ...policy, freeFailures: 1 },
  })
  const locks: Lock[] = [{ until: src.locked_until, scope: 'source' }]
  if (acc && !who.trustedDevice) locks.push({ until: acc.locked_until, scope: 'account' })
  return stateOf(now, locks)
}

/** A successful login clears this source's counter and the account-wide one. */
export const recordSuccess = async (deps: AuthnDeps, who: LoginAttempt): Promise<void> => {
  await clearFailures(deps.db, who.account, sourceOf(who.ip))
}

/** For routes: throws `authn.ACCOUNT_TEMPORARILY_LOCKED` (429) with `retryAfterSeconds` when locked. */
export const enforceLockout = async (
  deps: AuthnDeps,
  who: LoginAttempt,
  reply?: { header(name: string, value: string): unknown },
): Promise<void> => {
  const state = await checkLockout(deps, who)
  if (state.locked) {
    reply?.header('retry-after', String(state.retryAfterSeconds))
    fail(AUTHN.ACCOUNT_TEMPORARILY_LOCKED, undefined, {
      retryAfterSeconds: state.retryAfterSeconds,
      until: state.until.toISOString(),
    })
  }
}

/** Deletes counters that are forgotten and no longer lock anything; run it on a schedule. */
export const cleanupLoginFailures = (deps: AuthnDeps, policy: LockoutPolicy = DEFAULT_LOCKOUT) => {
  const now = deps.clock.now()
  return deleteStaleFailures(deps.db, now, new Date(now.getTime() - policy.forgetAfterSeconds * 1000))
}
