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

/** A relying party the citizen has a live consent with (docs/data-access.md). */
export type Connection = {
  clientId: string
  name: string
  purpose: string | null
  scopes: string[]
  grantedAt: string | null
  expiresAt: string | null
  lastUsedAt: string | null
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
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
const latest = (a: Date | null, b: Date | null) =>
  a === null || b === null ? null : new Date(a).getTime() >= new Date(b).getTime() ? a : b

/**
 * The connected services of a provider account (a citizen's ID number, or `for:<dependent>:by:<representative>`
 * for the consents a representative gave acting for a dependent): live grants grouped by relying party (one
 * per browser session that consented), with the union of their scopes, the first consent, the last expiry
 * and the last release made under that account.
 */
export const listConnections = async (deps: ConsentDeps, accountId: string): Promise<Connection[]> => {
  const acting = parseActingAccountId(accountId)
  const subjectId = acting?.dependent ?? accountId
  const grants = await liveGrantsOf(deps.db, accountId, deps.clock.now())
  const byClient = new Map<
    string,
    { scopes: Set<string>; grantedAt: number | null; expiresAt: Date | null }
  >()
  for (const g of grants) {
    const clientId = g.payload.clientId
    if (!clientId) continue
    const seen = byClient.get(clientId)
    const iat = grantedAt(g.payload, g.expiresAt)
    if (!seen) {
      byClient.set(clientId, { scopes: new Set(scopesOf(g.payload)), grantedAt: iat, expiresAt: g.expiresAt })
      continue
    }
    for (const s of scopesOf(g.payload)) seen.scopes.add(s)
    if (iat !== null && (seen.grantedAt === null || iat < seen.grantedAt)) seen.grantedAt = iat
    seen.expiresAt = latest(seen.expiresAt, g.expiresAt)
  }
  const ids = [...byClient.keys()]
  const clients = new Map((await clientsNamed(deps.db, ids)).map((c) => [c.client_id, c]))
  // A release under a live consent is no older than the grant's lifetime: the scan stays within it.
  const earliest = Math.min(...[...byClient.values()].map((c) => c.grantedAt ?? 0))
  const used = await lastReleases(
    deps.db,
    subjectId,
    ids,
    new Date(Number.isFinite(earliest) ? earliest : 0),
    acting?.representative ?? null,
  )
  return [...byClient]
    .map(([clientId, c]) => ({
      clientId,
      name: clients.get(clientId)?.name ?? clientId,
      purpose: clients.get(clientId)?.purpose ?? null,
      scopes: [...c.scopes].sort(byScopeOrder),
      grantedAt: c.grantedAt === null ? null : new Date(c.grantedAt).toISOString(),
      expiresAt: iso(c.expiresAt),
      lastUsedAt: iso(used.get(clientId) ?? null),
    }))
    .sort((a, b) => (b.lastUsedAt ?? b.grantedAt ?? '').localeCompare(a.lastUsedAt ?? a.grantedAt ?? ''))
}

// Deletes the account's grants with the relying party and everything issued under them, in the caller's
// transaction; none live is oidc.CONNECTION_NOT_FOUND (a second revocation, or someone else's).
const revokeGrants = async (trx: Transaction<Database>, now: Date, accountId: string, clientId: string) => {
  const grants = await deleteGrantsOf(trx, accountId, clientId)
  const live = grants.filter((g) => g.expiresAt === null || new Date(g.expiresAt) > now)
  if (!live.length) fail(OIDC.CONNECTION_NOT_FOUND)
  const tokens = await deleteIssuedUnder(
    trx,
    grants.map((g) => g.id),
  )
  const client = (await clientsNamed(trx, [clientId]))[0]
  const scopes = [...new Set(live.flatMap((g) => scopesOf(g.payload)))].sort(byScopeOrder)
  return { clientName: client?.name ?? clientId, scopes, grants: live.length, tokens }
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
      subjectId,
      clientId,
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
      accountId,
      clientId,
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
