import { createPublicKey, type KeyObject, verify } from 'node:crypto'
import { fail } from '../../platform/errors.js'
import { CREDENTIALS } from './credentials.errors.js'

/** Why a presentation was refused: `details.reason` of `credentials.PRESENTATION_INVALID`. */
export type RejectionReason =
  | 'MALFORMED'
  | 'UNSUPPORTED'
  | 'UNKNOWN_KEY'
  | 'SIGNATURE_INVALID'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'DISCLOSURE_INVALID'
  | 'KEY_BINDING_INVALID'
  | 'STATUS_UNAVAILABLE'
  | 'STATUS_INVALID'

export const reject = (reason: RejectionReason, message: string): never =>
  fail(CREDENTIALS.PRESENTATION_INVALID, message, { reason })

export type JsonObject = Record<string, unknown>

const BASE64URL = /^[A-Za-z0-9_-]*$/

/** Strict base64url (Node's decoder skips foreign characters, which would let two strings decode alike). */
export const base64url = (part: string, what: string): Buffer =>
  BASE64URL.test(part) ? Buffer.from(part, 'base64url') : reject('MALFORMED', `${what} is not base64url`)

export const jsonOf = (part: string, what: string): unknown => {
  try {
    return JSON.parse(base64url(part, what).toString('utf8'))
  } catch (e) {
    if (e instanceof SyntaxError) return reject('MALFORMED', `${what} is not JSON`)
    throw e
  }
}

export const isObject = (v: unknown): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

export type CompactJws = {
  header: JsonObject
  payload: JsonObject
  /** `<header>.<payload>`, ASCII: what the signature covers. */
  signingInput: string
  signature: Buffer
}

/** A compact JWS split and decoded, nothing verified yet. */
export const parseJws = (compact: string, what: string): CompactJws => {
  const [h = '', p = '', s = '', ...more] = compact.split('.')
  if (more.length > 0 || s === '') reject('MALFORMED', `${what} is not a compact JWS`)
  const header = jsonOf(h, `${what} header`)
  const payload = jsonOf(p, `${what} payload`)
  if (!isObject(header) || !isObject(payload)) return reject('MALFORMED', `${what} is not a JSON object`)
  // RFC 7515 §4.1.11: critical extensions must be understood, and we understand none.
  if (header.crit !== undefined)
    reject('UNSUPPORTED', `${what}: critical header extensions are not supported`)
  return { header, payload, signingInput: `${h}.${p}`, signature: base64url(s, `${what} signature`) }
}

/** ES256 with the raw 64-byte R‖S signature of JWS (RFC 7518 §3.4). The signing input is ASCII. */
export const es256Verifies = (key: KeyObject, jws: CompactJws) =>
  jws.signature.length === 64 &&
  verify('sha256', Buffer.from(jws.signingInput, 'latin1'), { key, dsaEncoding: 'ieee-p1363' }, jws.signature)

/**
 * A public P-256 JWK as a node:crypto key, or undefined for anything else (another curve, a private key).
 * OpenSSL checks that the point is on the curve.
 */
export const p256PublicKey = (jwk: unknown): KeyObject | undefined => {
  if (!isObject(jwk) || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || 'd' in jwk) return undefined
  const { x, y } = jwk
  if (typeof x !== 'string' || typeof y !== 'string' || !BASE64URL.test(x) || !BASE64URL.test(y))
    return undefined
  try {
    return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x, y }, format: 'jwk' })
  } catch {
    return undefined
  }
}

/** The issuer's published keys by `kid`, imported once. A kid published twice is ambiguous and unusable. */
export const issuerKeysByKid = (keys: readonly unknown[]) => {
  const byKid = new Map<string, KeyObject | null>()
  for (const jwk of keys) {
    if (!isObject(jwk) || typeof jwk.kid !== 'string') continue
    if (jwk.alg !== undefined && jwk.alg !== 'ES256') continue
    const key = p256PublicKey(jwk)
    if (key) byKid.set(jwk.kid, byKid.has(jwk.kid) ? null : key)
  }
  return (kid: unknown) => (typeof kid === 'string' ? (byKid.get(kid) ?? undefined) : undefined)
}

export type IssuerKeyLookup = ReturnType<typeof issuerKeysByKid>

/** Checks a JWS signed by one of the issuer's keys: typ, alg ES256, a known kid, the signature. */
export const verifyIssuerSigned = (jws: CompactJws, keyOf: IssuerKeyLookup, typ: string, what: string) => {
  if (jws.header.typ !== typ) reject('UNSUPPORTED', `${what}: typ must be ${typ}`)
  if (jws.header.alg !== 'ES256') reject('UNSUPPORTED', `${what}: only ES256 is accepted`)
  const key =
    keyOf(jws.header.kid) ?? reject('UNKNOWN_KEY', `${what}: signed by a key the issuer does not publish`)
  if (!es256Verifies(key, jws)) reject('SIGNATURE_INVALID', `${what}: the signature is invalid`)
}

/** `iat`/`nbf` not after now, `exp` not before (RFC 7519), each with the allowed clock skew. */
export const checkTimes = (payload: JsonObject, now: number, skew: number, what: string) => {
  for (const claim of ['iat', 'nbf', 'exp'] as const) {
    const v = payload[claim]
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v)))
      reject('MALFORMED', `${what}: ${claim} is not a number`)
  }
  const { iat, nbf, exp } = payload as { iat?: number; nbf?: number; exp?: number }
  if ((iat !== undefined && iat - skew > now) || (nbf !== undefined && nbf - skew > now))
    reject('NOT_YET_VALID', `${what} is not yet valid`)
  if (exp !== undefined && exp + skew < now) reject('EXPIRED', `${what} is expired`)
}
