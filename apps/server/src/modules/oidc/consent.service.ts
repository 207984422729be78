import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { lastReleases } from '../data-access/index.js'
import {
  clientsNamed,
  deleteGrantsOf,
  deleteIssuedUnder,
  type GrantPayload,
  liveGrantsOf,
} from './consent.repository.js'
import { OIDC } from './oidc.errors.js'

type ConsentDeps = Pick<Deps, 'db' | 'clock'>

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
 * The citizen's connected services: live grants grouped by relying party (one per browser session that
 * consented), with the union of their scopes, the first consent, the last expiry and the last release.
 */
export const listConnections = async (deps: ConsentDeps, subjectId: string): Promise<Connection[]> => {
  const grants = await liveGrantsOf(deps.db, subjectId, deps.clock.now())
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
  const used = await lastReleases(deps.db, subjectId, ids, new Date(Number.isFinite(earliest) ? earliest : 0))
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
    const now = deps.clock.now()
    const grants = await deleteGrantsOf(trx, subjectId, clientId)
    const live = grants.filter((g) => g.expiresAt === null || new Date(g.expiresAt) > now)
    if (!live.length) fail(OIDC.CONNECTION_NOT_FOUND)
    const tokens = await deleteIssuedUnder(
      trx,
      grants.map((g) => g.id),
    )
    const client = (await clientsNamed(trx, [clientId]))[0]
    const scopes = [...new Set(live.flatMap((g) => scopesOf(g.payload)))].sort(byScopeOrder)
    await recordAudit(trx, deps.clock, {
      actor: subjectId,
      actorKind: 'citizen',
      action: 'oidc.consent.revoked',
      subject: subjectId,
      subjectKind: subjectId.startsWith('NN') ? 'foreigner' : 'citizen',
      data: { clientId, clientName: client?.name ?? clientId, scopes, grants: live.length, tokens },
      requestId,
    })
    return { revoked: clientId, grants: live.length, tokens }
  })
