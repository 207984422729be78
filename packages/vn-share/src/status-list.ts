// Revocation offline: the issuer's Token Status List (draft-ietf-oauth-status-list) JWT, fetched while online
// and kept, read here with WebCrypto and DecompressionStream (no Node-only API).

import { base64urlDecode } from './bytes.js'
import type { StatusRef } from './credential.js'
import type { ShareKeyJwk } from './keys.js'

export type StatusList = {
  listId: number
  /** The list's own URL (`sub`). */
  uri: string
  /** Raw bits: index i is bit (i mod 8) of byte floor(i / 8). */
  bits: Uint8Array
  /** The JWT's `exp`: after it the list says nothing any more. */
  expiresAt: Date
  /** The JWT's `ttl`: fetch again after this many seconds when online. */
  ttlSeconds: number
}
export type StatusListResult = { ok: true; list: StatusList } | { ok: false; reason: string }

const json = (part: string): unknown => {
  const bytes = base64urlDecode(part)
  if (!bytes) return null
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return null
  }
}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

const inflate = async (bytes: Uint8Array<ArrayBuffer>) =>
  new Uint8Array(
    await new Response(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate')),
    ).arrayBuffer(),
  )

/**
 * Checks a status list JWT (ES256, `typ: statuslist+jwt`) against the issuer's SD-JWT VC keys (the `jwks` of
 * `/.well-known/jwt-vc-issuer`, which sign the status lists) and returns its bits.
 */
export const readStatusList = async (
  jwt: string,
  jwks: readonly ShareKeyJwk[],
  now: Date,
): Promise<StatusListResult> => {
  const [h, p, s] = jwt.split('.')
  const header = json(h ?? '')
  const payload = json(p ?? '')
  const signature = base64urlDecode(s ?? '')
  if (!isObject(header) || !isObject(payload) || signature?.length !== 64)
    return { ok: false, reason: 'not a JWT' }
  if (header.alg !== 'ES256' || header.typ !== 'statuslist+jwt')
    return { ok: false, reason: 'not a status list' }
  const jwk = jwks.find((k) => k.kid === header.kid)
  if (!jwk) return { ok: false, reason: 'unknown key' }
  const key = await crypto.subtle.importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  )
  const signed = new TextEncoder().encode(`${h}.${p}`)
  if (!(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, signed)))
    return { ok: false, reason: 'signature invalid' }
  const list = payload.status_list
  const sub = typeof payload.sub === 'string' ? payload.sub : ''
  const listId = Number(/\/status-lists\/(\d+)$/.exec(sub)?.[1])
  if (!isObject(list) || list.bits !== 1 || typeof list.lst !== 'string' || !Number.isSafeInteger(listId))
    return { ok: false, reason: 'not a one-bit status list' }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now.getTime())
    return { ok: false, reason: 'expired' }
  const compressed = base64urlDecode(list.lst)
  if (!compressed) return { ok: false, reason: 'lst not base64url' }
  let bits: Uint8Array
  try {
    bits = await inflate(compressed)
  } catch {
    return { ok: false, reason: 'lst not zlib' }
  }
  const ttl = typeof payload.ttl === 'number' ? payload.ttl : 0
  return {
    ok: true,
    list: { listId, uri: sub, bits, expiresAt: new Date(payload.exp * 1000), ttlSeconds: ttl },
  }
}

/** A status check over the lists a verifier holds: 'unknown' for a list it does not hold or that has expired. */
export const statusListChecker =
  (lists: readonly StatusList[]) =>
  (ref: StatusRef, now: Date): 'valid' | 'invalid' | 'unknown' => {
    const list = lists.find((l) => l.listId === ref.list && l.expiresAt.getTime() > now.getTime())
    const byte = list?.bits[ref.index >> 3]
    if (byte === undefined) return 'unknown'
    return (byte >> (ref.index & 7)) & 1 ? 'invalid' : 'valid'
  }
