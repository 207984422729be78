import type { AccountClaims, ClaimsParameterMember, KoaContextWithOIDC } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { recordDataAccess } from '../data-access/index.js'
import { findClient } from './clients.repository.js'

type ReleaseDeps = Pick<Deps, 'db' | 'clock'>

/**
 * Not personal data, so never a release on their own: the pairwise subject (a pseudonym no other relying
 * party shares) and the facts of the login (level, methods, time, session).
 */
export const NOT_PERSONAL = new Set(['sub', 'acr', 'amr', 'auth_time', 'sid', 'nonce', 'iss', 'aud'])

export type ClaimsRequest = {
  use: string
  scope: string
  claims: { [key: string]: null | ClaimsParameterMember }
  rejected: string[]
}

/**
 * Whether an ID token will carry nothing but the login facts: issued beside an access token for userinfo
 * (conformIdTokenClaims) and asked for no personal claim by the claims parameter.
 */
export const onlyLoginFacts = (ctx: KoaContextWithOIDC, claims: ClaimsRequest['claims']) =>
  !ctx.oidc.entities.AccessToken?.aud && Object.keys(claims).every((c) => NOT_PERSONAL.has(c))

/**
 * The personal claim names the provider will let through, computed with its own mask (scope, the claims
 * parameter, rejected claims), so the log names what leaves and not what was merely looked up.
 */
export const releasedClaimNames = async (
  ctx: KoaContextWithOIDC,
  req: ClaimsRequest,
  available: AccountClaims,
): Promise<string[]> => {
  // Without sub the mask skips the pairwise computation; sub is not personal data anyway.
  const { sub: _sub, ...rest } = available
  const mask = new ctx.oidc.provider.Claims(rest, { ctx })
  // conformIdTokenClaims: an ID token issued with an access token for userinfo carries only the openid
  // scope's claims plus what the claims parameter asks for it; the scope's claims go to userinfo.
  const idTokenBesideUserinfo = req.use === 'id_token' && onlyLoginFacts(ctx, {})
  mask.scope(idTokenBesideUserinfo ? 'openid' : req.scope)
  mask.mask(req.claims)
  mask.rejected(req.rejected)
  return Object.keys(await mask.result()).filter((c) => !NOT_PERSONAL.has(c))
}

const CLIENT_TTL_MS = 30_000

// A client's name and purpose, read at most every 30 s per process: a release must not cost a lookup.
const clientInfo = (deps: ReleaseDeps) => {
  const known = new Map<string, { name: string; purpose: string | null; until: number }>()
  return async (clientId: string, fallbackName: string | undefined) => {
    const now = Date.now()
    const hit = known.get(clientId)
    if (hit && hit.until > now) return hit
    const row = await findClient(deps.db, clientId)
    const info = {
      name: row?.name ?? fallbackName ?? clientId,
      purpose: row?.purpose ?? null,
      until: now + CLIENT_TTL_MS,
    }
    if (known.size > 1000) known.clear()
    known.set(clientId, info)
    return info
  }
}

/**
 * Writes the release to the citizen's data-access log before the claims are handed back: if the write
 * fails, the provider answers with an error and no data leaves.
 */
export const releaseRecorder = (deps: ReleaseDeps) => {
  const infoOf = clientInfo(deps)
  return async (
    ctx: KoaContextWithOIDC,
    subjectId: string,
    req: ClaimsRequest,
    available: AccountClaims,
    representativeId?: string,
  ) => {
    const client = ctx.oidc.client
    if (!client) return
    const names = await releasedClaimNames(ctx, req, available)
    if (!names.length) return
    const info = await infoOf(client.clientId, client.clientName)
    const requestId = ctx.res.getHeader('x-request-id')
    await recordDataAccess(deps.db, deps.clock, {
      subjectId,
      recipient: { kind: 'relying_party', id: client.clientId, name: info.name },
      channel: `oidc.${req.use.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`,
      claims: names,
      purpose: info.purpose,
      requestId: typeof requestId === 'string' ? requestId : null,
      representativeId: representativeId ?? null,
    })
  }
}
