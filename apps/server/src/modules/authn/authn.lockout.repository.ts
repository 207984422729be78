import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.js'
import { ANY_SOURCE } from './authn.source.js'

export type Backoff = { freeFailures: number; baseDelaySeconds: number; maxDelaySeconds: number }
type Counted = { failures: number; locked_until: Date | null }

// The row's failure count after this one: it starts over when the last failure is older than `forgetBefore`.
const nextFailures = (forgetBefore: Date) =>
  sql`CASE WHEN f.last_failed_at <= ${forgetBefore}::timestamptz THEN 1 ELSE f.failures + 1 END`

// now + min(max, base·2^(n − free)) once n ≥ free, else no lock (the exponent is capped: power() overflows).
const lockAfter = (n: RawBuilder<unknown>, now: Date, b: Backoff) =>
  sql`CASE WHEN ${n} >= ${b.freeFailures}::int THEN ${now}::timestamptz + make_interval(secs => LEAST(
    ${b.maxDelaySeconds}::float8, ${b.baseDelaySeconds}::float8 * power(2, LEAST(${n} - ${b.freeFailures}::int, 30)))) END`

/** One failure of one source, counted and turned into its lock in one atomic upsert. */
export const countSourceFailure = async (
  db: Db,
  w: { account: string; source: string; now: Date; forgetBefore: Date; backoff: Backoff },
): Promise<Counted> => {
  const first = sql`1`
  const n = nextFailures(w.forgetBefore)
  const { rows } = await sql<Counted>`
    INSERT INTO authn_login_failure AS f (account, source, failures, first_failed_at, last_failed_at, locked_until)
    VALUES (${w.account}, ${w.source}, 1, ${w.now}, ${w.now}, ${lockAfter(first, w.now, w.backoff)})
    ON CONFLICT (account, source) DO UPDATE SET
      failures = ${n},
      first_failed_at = CASE WHEN f.last_failed_at <= ${w.forgetBefore}::timestamptz THEN ${w.now}::timestamptz ELSE f.first_failed_at END,
      last_failed_at = ${w.now}::timestamptz,
      locked_until = ${lockAfter(n, w.now, w.backoff)}
    RETURNING failures, locked_until`.execute(db)
  return rows[0] as Counted
}

/**
 * The account-wide row, counted only once failures come from at least `distinctSources` sources since
 * `since` (a distributed guess); otherwise nothing is written and null is returned.
 */
export const countAccountFailure = async (
  db: Db,
  w: {
    account: string
    now: Date
    since: Date
    distinctSources: number
    forgetBefore: Date
    backoff: Backoff
  },
): Promise<Counted | null> => {
  const first = sql`1`
  const n = nextFailures(w.forgetBefore)
  const { rows } = await sql<Counted>`
    WITH seen AS (
      SELECT count(*) AS sources FROM authn_login_failure
      WHERE account = ${w.account} AND source <> ${ANY_SOURCE} AND last_failed_at > ${w.since}::timestamptz)
    INSERT INTO authn_login_failure AS f (account, source, failures, first_failed_at, last_failed_at, locked_until)
    SELECT ${w.account}, ${ANY_SOURCE}, 1, ${w.now}::timestamptz, ${w.now}::timestamptz, ${lockAfter(first, w.now, w.backoff)}
    FROM seen WHERE seen.sources >= ${w.distinctSources}::int
    ON CONFLICT (account, source) DO UPDATE SET
      failures = ${n},
      first_failed_at = CASE WHEN f.last_failed_at <= ${w.forgetBefore}::timestamptz THEN ${w.now}::timestamptz ELSE f.first_failed_at END,
      last_failed_at = ${w.now}::timestamptz,
      locked_until = ${lockAfter(n, w.now, w.backoff)}
    RETURNING failures, locked_until`.execute(db)
  return rows[0] ?? null
}

export const findLockRows = (db: Db, account: string, source: string) =>
  db
    .selectFrom('authn_login_failure')
    .select(['source', 'failures', 'locked_until'])
    .where('account', '=', account)
    .where('source', 'in', [source, ANY_SOURCE])
    .execute()

export const clearFailures = (db: Db, account: string, source: string) =>
  db
    .deleteFrom('authn_login_failure')
    .where('account', '=', account)
    .where('source', 'in', [source, ANY_SOURCE])
    .execute()

export const deleteStaleFailures = async (db: Db, now: Date, forgetBefore: Date): Promise<number> => {
  const r = await db
    .deleteFrom('authn_login_failure')
    .where('last_failed_at', '<=', forgetBefore)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
