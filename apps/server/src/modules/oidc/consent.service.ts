import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { actingFor, auditBoth, type CurrentSession } from '../accounts/index.js'
import { lastReleases } from '../data-access/index.js'
import {
  clientsNamed,
  deleteGrantsOf,
  deleteIssuedUnder,
  type GrantPayload,
  liveGrantsOf,
} from './consent.repository.js'
import { actingAccountId, parseActingAccountId } from './oidc.act-for.js'
import { OIDC } from './oidc.errors.js'

type ConsentDeps = Pick<Deps, 'db' | 'clock'>
type DependentConsentDeps = Pick<Deps, 'db' | 'clock' | 'policy'>
type Representative = CurrentSession['account']

/** Who gave a consent on the holder's behalf: a parent or guardian acting for them, and when. */
export type GivenBy = { name: string; grantedAt: string | null }

/** A relying party the citizen has a live consent with (docs/data-access.md). */
export type Connection = {
  clientId: string
  name: string
  purpose: string | null
  scopes: string[]
  grantedAt: string | null
  expiresAt: string | null
  lastUsedAt: string | null
  /** null: the holder's own consent; else the representatives who gave it for them (docs/oidc.md). */
  givenBy: GivenBy[] | null
}

// The scopes in the order the consent page lists them; unknown ones after, alphabetically.
const SCOPE_ORDER = [
  'openid',
  'profile',
  'vn_id',
  'vn_verified',
  'address',
  'phone',
  'email',
  'offline_access',
]
const byScopeOrder = (a: string, b: string) => {
  const [x, y] = [SCOPE_ORDER.indexOf(a), SCOPE_ORDER.indexOf(b)]
  return x === y ? a.localeCompare(b) : x === -1 ? 1 : y === -1 ? -1 : x - y
}

/**
 * When the grant was made, on the platform clock: its stored expiry less its lifetime (exp - iat), the
 * way the adapter set the expiry (oidc.adapter.ts).
 */
const grantedAt = (p: GrantPayload, expiresAt: Date | null) =>
  expiresAt && typeof p.exp === 'number' && typeof p.iat === 'number'
    ? new Date(expiresAt).getTime() - (p.exp - p.iat) * 1000
    : typeof p.iat === 'number'
      ? p.iat * 1000
      : null

const scopesOf = (p: GrantPayload) => (p.openid?.scope ?? '').split(' ').filter(Boolean)
export const iso = (d: Date | number | null) => (d === null ? null : new Date(d).toISOString())
const latest = (a: Date | null, b: Date | null) =>
  a === null || b === null ? null : new Date(a).getTime() >= new Date(b).getTime() ? a : b
const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b))

export type LiveGrant = Awaited<ReturnType<typeof liveGrantsOf>>[number]
/** One relying party's live grants: the union of their scopes, the first consent and the last expiry. */
export type ClientConsent = { scopes: Set<string>; grantedAt: number | null; expiresAt: Date | null }

export const mergeConsent = (a: ClientConsent, b: ClientConsent): ClientConsent => ({
  scopes: new Set([...a.scopes, ...b.scopes]),
  grantedAt: earliest(a.grantedAt, b.grantedAt),
  expiresAt: latest(a.expiresAt, b.expiresAt),
})

/** Live grants by relying party (one grant per browser session that consented). */
export const groupByClient = (grants: readonly LiveGrant[]) => {
  const byClient = new Map<string, ClientConsent>()
  for (const g of grants) {
    const clientId = g.payload.clientId
    if (!clientId) continue
    const one = {
      scopes: new Set(scopesOf(g.payload)),
      grantedAt: grantedAt(g.payload, g.expiresAt),
      expiresAt: g.expiresAt,
    }
    const seen = byClient.get(clientId)
    byClient.set(clientId, seen ? mergeConsent(seen, one) : one)
  }
  return byClient
}

/** A release under a live consent is no older than the grant: the data-access scan starts at the first one. */
export const firstConsent = (consents: Iterable<ClientConsent>) => {
  const first = Math.min(...[...consents].map((c) => c.grantedAt ?? 0))
  return new Date(Number.isFinite(first) ? first : 0)
}

export const toConnection = (
  clientId: string,
  c: ClientConsent,
  client: { name: string; purpose: string | null } | undefined,
  lastUsedAt: Date | null,
  givenBy: GivenBy[] | null,
): Connection => ({
  clientId,
  name: client?.name ?? clientId,
  purpose: client?.purpose ?? null,
  scopes: [...c.scopes].sort(byScopeOrder),
  grantedAt: iso(c.grantedAt),
  expiresAt: iso(c.expiresAt),
  lastUsedAt: iso(lastUsedAt),
  givenBy,
})

/** The most recently used first; never used ones by their consent. */
export const byLastUse = (a: Connection, b: Connection) =>
  (b.lastUsedAt ?? b.grantedAt ?? '').localeCompare(a.lastUsedAt ?? a.grantedAt ?? '')

/**
 * The connected services of a provider account (a citizen's ID number, or `for:<dependent>:by:<representative>`
 * for the consents a representative gave acting for a dependent): live grants grouped by relying party, with
 * the union of their scopes, the first consent, the last expiry and the last release made under that account.
 */
export const listConnections = async (deps: ConsentDeps, accountId: string): Promise<Connection[]> => {
  const acting = parseActingAccountId(accountId)
  const subjectId = acting?.dependent ?? accountId
  const byClient = groupByClient(await liveGrantsOf(deps.db, accountId, deps.clock.now()))
  const ids = [...byClient.keys()]
  const clients = new Map((await clientsNamed(deps.db, ids)).map((c) => [c.client_id, c]))
  const used = await lastReleases(
    deps.db,
    subjectId,
    ids,
    firstConsent(byClient.values()),
    acting?.representative ?? null,
  )
  return [...byClient]
    .map(([clientId, c]) =>
      toConnection(clientId, c, clients.get(clientId), used.get(clientId) ?? null, null),
    )
    .sort(byLastUse)
}

/**
 * After the grants with the relying party were deleted (one statement, in the caller's transaction): deletes
 * everything issued under them. None live is oidc.CONNECTION_NOT_FOUND (a second revocation, or someone else's).
 */
export const revokeGrants = async (
  trx: Transaction<Database>,
  now: Date,
  clientId: string,
  grants: Awaited<ReturnType<typeof deleteGrantsOf>>,
) => {
  const live = grants.filter((g) => g.expiresAt === null || new Date(g.expiresAt) > now)
  if (!live.length) fail(OIDC.CONNECTION_NOT_FOUND)
  const tokens = await deleteIssuedUnder(
    trx,
    grants.map((g) => g.id),
  )
  const client = (await clientsNamed(trx, [clientId]))[0]
  const scopes = [...new Set(live.flatMap((g) => scopesOf(g.payload)))].sort(byScopeOrder)
  return { clientName: client?.name ?? clientId, scopes, grants: live.length, tokens, live }
}

/**
 * Withdraws the citizen's consent to a relying party: its grants and every code and token issued under
 * them go in one transaction with the audit event. The next login asks for consent again; a provider
 * session still naming an old grant finds nothing and starts a new one.
 */
export const revokeConnection = (
  deps: ConsentDeps,
  subjectId: string,
  clientId: string,
  requestId: string | null,
) =>
  deps.db.transaction().execute(async (trx) => {
    const { clientName, scopes, grants, tokens } = await revokeGrants(
      trx,
      deps.clock.now(),
      clientId,
      await deleteGrantsOf(trx, subjectId, clientId),
    )
    await recordAudit(trx, deps.clock, {
      actor: subjectId,
      actorKind: 'citizen',
      action: 'oidc.consent.revoked',
      subject: subjectId,
      subjectKind: subjectId.startsWith('NN') ? 'foreigner' : 'citizen',
      data: { clientId, clientName, scopes, grants, tokens },
      requestId,
    })
    return { revoked: clientId, grants, tokens }
  })

/**
 * The consents the representative gave while signing in for this dependent (their acting account's grants),
 * while they act for the dependent now (accounts' actingFor: a live representation, the registry's relation,
 * before the takeover age). A read for the dependent: recorded under both.
 */
export const listDependentConnections = async (
  deps: DependentConsentDeps,
  rep: Representative,
  dependentId: string,
  requestId: string | null,
): Promise<Connection[]> => {
  await actingFor(deps, rep, dependentId)
  const items = await listConnections(deps, actingAccountId(dependentId, rep.subject_id))
  await deps.db
    .transaction()
    .execute((trx) =>
      auditBoth(
        trx,
        deps,
        rep,
        dependentId,
        'connections.read',
        { count: items.length },
        requestId ?? undefined,
      ),
    )
  return items
}

/**
 * Withdraws a consent the representative gave for the dependent, as revokeConnection does for one's own,
 * recorded under both. A locked dependent account does not stop it: revoking only narrows what leaves.
 */
export const revokeDependentConnection = async (
  deps: DependentConsentDeps,
  rep: Representative,
  dependentId: string,
  clientId: string,
  requestId: string | null,
) => {
  await actingFor(deps, rep, dependentId)
  return deps.db.transaction().execute(async (trx) => {
    const accountId = actingAccountId(dependentId, rep.subject_id)
    const { clientName, scopes, grants, tokens } = await revokeGrants(
      trx,
      deps.clock.now(),
      clientId,
      await deleteGrantsOf(trx, accountId, clientId),
    )
    await auditBoth(
      trx,
      deps,
      rep,
      dependentId,
      'oidc.consent.revoked',
      { clientId, clientName, scopes, grants, tokens },
      requestId ?? undefined,
    )
    return { revoked: clientId, grants, tokens }
  })
}
