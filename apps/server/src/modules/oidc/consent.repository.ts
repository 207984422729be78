import { sql } from 'kysely'
import type { Db } from '../../database.js'

// oidc-provider's grant payload, as far as the citizen's connections need it.
export type GrantPayload = {
  accountId?: string
  clientId?: string
  iat?: number
  exp?: number
  openid?: { scope?: string; claims?: string[] }
}

// Served by oidc_payload_grant_account (migration oidc_0005): the expression must match the index's.
const accountOfGrant = sql<string>`payload->>'accountId'`
const clientOfGrant = sql<string>`payload->>'clientId'`
// A literal, not a parameter: the planner matches it to the partial index's WHERE model = 'Grant'.
const GRANT = sql.lit('Grant')

/** The account's grants that have not expired: its remembered consents, one or more per relying party. */
export const liveGrantsOf = async (db: Db, accountId: string, now: Date) => {
  const rows = await db
    .selectFrom('oidc_payload')
    .select(['id', 'payload', 'expires_at'])
    .where('model', '=', GRANT)
    .where(accountOfGrant, '=', accountId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute()
  return rows.map((r) => ({ id: r.id, payload: r.payload as GrantPayload, expiresAt: r.expires_at }))
}

/** The account's newest live grant with this relying party: the consent a new browser session reuses. */
export const latestLiveGrantId = async (db: Db, accountId: string, clientId: string, now: Date) =>
  (
    await db
      .selectFrom('oidc_payload')
      .select('id')
      .where('model', '=', GRANT)
      .where(accountOfGrant, '=', accountId)
      .where(clientOfGrant, '=', clientId)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .orderBy('expires_at', (ob) => ob.desc().nullsFirst())
      .limit(1)
      .executeTakeFirst()
  )?.id

/**
 * Deletes every grant of the account with this relying party (expired ones too) in one statement, so of
 * two revocations at once only one sees the grants; returns what it deleted.
 */
export const deleteGrantsOf = async (db: Db, accountId: string, clientId: string) => {
  const rows = await db
    .deleteFrom('oidc_payload')
    .where('model', '=', GRANT)
    .where(accountOfGrant, '=', accountId)
    .where(clientOfGrant, '=', clientId)
    .returning(['id', 'payload', 'expires_at'])
    .execute()
  return rows.map((r) => ({ id: r.id, payload: r.payload as GrantPayload, expiresAt: r.expires_at }))
}

// Served by oidc_payload_grant_on_behalf (migration oidc_0016): a representative's grants for a dependent
// (`for:<dependent>:by:<representative>`, oidc.act-for.ts), found by the dependent. Expression and predicate
// must match the index's.
const dependentOfGrant = sql<string>`split_part(payload->>'accountId', ':', 2)`
const ON_BEHALF = sql<boolean>`payload->>'accountId' LIKE 'for:%'`

/** The live grants representatives gave while acting for this person: consents given on their behalf. */
export const liveGrantsOnBehalfOf = async (db: Db, subjectId: string, now: Date) => {
  const rows = await db
    .selectFrom('oidc_payload')
    .select(['id', 'payload', 'expires_at'])
    .where('model', '=', GRANT)
    .where(ON_BEHALF)
    .where(dependentOfGrant, '=', subjectId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute()
  return rows.map((r) => ({ id: r.id, payload: r.payload as GrantPayload, expiresAt: r.expires_at }))
}

/** Deletes every grant given on this person's behalf with this relying party, by any representative, at once. */
export const deleteGrantsOnBehalfOf = async (db: Db, subjectId: string, clientId: string) => {
  const rows = await db
    .deleteFrom('oidc_payload')
    .where('model', '=', GRANT)
    .where(ON_BEHALF)
    .where(dependentOfGrant, '=', subjectId)
    .where(clientOfGrant, '=', clientId)
    .returning(['id', 'payload', 'expires_at'])
    .execute()
  return rows.map((r) => ({ id: r.id, payload: r.payload as GrantPayload, expiresAt: r.expires_at }))
}

/** Everything issued under these grants: codes, access and refresh tokens (what revokeByGrantId removes). */
export const deleteIssuedUnder = async (db: Db, grantIds: readonly string[]) =>
  grantIds.length
    ? Number(
        (await db.deleteFrom('oidc_payload').where('grant_id', 'in', grantIds).executeTakeFirst())
          .numDeletedRows,
      )
    : 0

export const clientsNamed = (db: Db, clientIds: readonly string[]) =>
  clientIds.length
    ? db
        .selectFrom('oidc_client')
        .select(['client_id', 'name', 'purpose'])
        .where('client_id', 'in', clientIds)
        .execute()
    : Promise.resolve([])
