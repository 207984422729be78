import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { defineErrors, fail } from '../../platform/errors.js'
import { findPayload } from './adapter.repository.js'
import { cachedClient } from './clients.cache.js'

export const MACHINE_TOKEN = defineErrors('oidc', {
  MACHINE_TOKEN_REQUIRED: [
    401,
    'A Bearer access token from the client_credentials grant is required (Authorization: Bearer …)',
  ],
  MACHINE_TOKEN_INVALID: [
    401,
    'The access token is unknown, expired, not a client_credentials token, or its client is suspended',
  ],
  MACHINE_SCOPE_REQUIRED: [403, 'The access token does not carry the scope this API needs'],
})

/** The registered organisation behind a machine token: who to name in a citizen's data-access log. */
export type MachineCaller = {
  clientId: string
  name: string
  /** The purpose registered with the client (shown to citizens in the data-access log), or null. */
  purpose: string | null
  scopes: string[]
}

// oidc-provider's opaque tokens are nanoid values (URL-safe base64 alphabet); anything else is not one.
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/

const bearerOf = (header: string | undefined): string | undefined => {
  const m = /^Bearer +(\S+)$/i.exec(header?.trim() ?? '')
  return m?.[1]
}

const words = (v: unknown) => (typeof v === 'string' ? v.split(' ').filter(Boolean) : [])

/**
 * Checks a machine token (client_credentials grant, docs/oidc.md) the way oidc-provider stores it: a live
 * `ClientCredentials` row (so a citizen's access token never passes), not sender-constrained (a DPoP- or
 * mTLS-bound token presented as a bare Bearer is refused), carrying `scope`, from a client still registered
 * for client credentials and active (a suspension cuts it off at once).
 */
export const verifyMachineToken = async (
  deps: Pick<Deps, 'db' | 'clock' | 'notifications'>,
  authorization: string | undefined,
  scope: string,
): Promise<MachineCaller> => {
  const token = bearerOf(authorization) ?? fail(MACHINE_TOKEN.MACHINE_TOKEN_REQUIRED)
  if (!TOKEN.test(token)) return fail(MACHINE_TOKEN.MACHINE_TOKEN_INVALID)
  const row = await findPayload(deps.db, 'ClientCredentials', token, deps.clock.now())
  const payload = row?.payload ?? fail(MACHINE_TOKEN.MACHINE_TOKEN_INVALID)
  if (payload.jkt !== undefined || payload['x5t#S256'] !== undefined)
    fail(MACHINE_TOKEN.MACHINE_TOKEN_INVALID)
  const clientId = typeof payload.clientId === 'string' ? payload.clientId : ''
  const client = clientId ? await cachedClient(deps, clientId) : undefined
  if (client?.status !== 'active' || !client.client_credentials) fail(MACHINE_TOKEN.MACHINE_TOKEN_INVALID)
  const scopes = words(payload.scope)
  if (!scopes.includes(scope))
    fail(MACHINE_TOKEN.MACHINE_SCOPE_REQUIRED, `The access token lacks the scope ${scope}`)
  return { clientId, name: client?.name ?? clientId, purpose: client?.purpose ?? null, scopes }
}

/**
 * For a Fastify route: the caller's machine token with `scope`, or a 401/403 with the RFC 6750
 * `WWW-Authenticate` challenge (`invalid_token` or `insufficient_scope`).
 */
export const requireMachineToken = async (
  deps: Pick<Deps, 'db' | 'clock' | 'notifications'>,
  req: FastifyRequest,
  reply: FastifyReply,
  scope: string,
): Promise<MachineCaller> => {
  try {
    return await verifyMachineToken(deps, req.headers.authorization, scope)
  } catch (e) {
    const code = (e as { code?: unknown }).code
    const challenge =
      code === MACHINE_TOKEN.MACHINE_SCOPE_REQUIRED.code
        ? `Bearer error="insufficient_scope", scope="${scope}"`
        : code === MACHINE_TOKEN.MACHINE_TOKEN_INVALID.code
          ? 'Bearer error="invalid_token"'
          : 'Bearer'
    reply.header('www-authenticate', challenge)
    throw e
  }
}
