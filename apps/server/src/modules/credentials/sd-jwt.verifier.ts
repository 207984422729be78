import { createHash } from 'node:crypto'
import type { JWK } from 'jose'
import {
  type CompactJws,
  checkTimes,
  es256Verifies,
  type IssuerKeyLookup,
  isObject,
  issuerKeysByKid,
  type JsonObject,
  jsonOf,
  p256PublicKey,
  parseJws,
  reject,
  verifyIssuerSigned,
} from './sd-jwt.jws.js'
import { type StatusListFetcher, statusListCache } from './sd-jwt.status-cache.js'

export type PublishedJwks = { keys: Array<JWK & { kid?: string }> }

export type SdJwtVcVerifyOptions = {
  /** "Now" in seconds since the epoch (default: the system clock). */
  currentDate?: number
  /** Clock skew allowed on every time check, in seconds (default 0). */
  skewSeconds?: number
  /** When given, a key-binding JWT is required, with this nonce (otherwise a key-binding JWT is ignored). */
  keyBindingNonce?: string
  /** When given, the key-binding JWT's `aud` must be this verifier. */
  keyBindingAudience?: string
  /** How old a key-binding JWT may be (its `iat`), in seconds (default 300). */
  keyBindingMaxAgeSeconds?: number
}

export type VerifiedSdJwtVc = {
  header: JsonObject
  /** The issuer-signed claims with the disclosed ones in place (`_sd`, `_sd_alg` and digests removed). */
  payload: JsonObject
  kb?: { header: JsonObject; payload: JsonObject }
}

const SD_JWT_VC_TYP = 'dc+sd-jwt'
const KB_JWT_TYP = 'kb+jwt'
const KB_MAX_AGE_S = 300
/** SD-JWT VC claims an issuer must not make selectively disclosable (draft-ietf-oauth-sd-jwt-vc §3.2.2). */
const NEVER_DISCLOSED = new Set(['iss', 'nbf', 'exp', 'cnf', 'vct', 'status'])

const sha256 = (ascii: string) => createHash('sha256').update(ascii, 'latin1').digest('base64url')

type Disclosure = { digest: string; name: string | undefined; value: unknown; used: boolean }

/** RFC 9901 §4.2: `[salt, name, value]` for an object property, `[salt, value]` for an array element. */
const parseDisclosure = (encoded: string): Disclosure => {
  const d = jsonOf(encoded, 'disclosure')
  if (!Array.isArray(d) || (d.length !== 2 && d.length !== 3) || typeof d[0] !== 'string')
    return reject('DISCLOSURE_INVALID', 'a disclosure is not [salt, name, value] or [salt, value]')
  const name = d.length === 3 ? d[1] : undefined
  if (d.length === 3 && (typeof name !== 'string' || name === '_sd' || name === '...'))
    reject('DISCLOSURE_INVALID', 'a disclosure has an invalid claim name')
  return { digest: sha256(encoded), name: name as string | undefined, value: d[d.length - 1], used: false }
}

// Disclosed names come from the holder's presentation: `__proto__` must become a claim, not the prototype.
const put = (obj: JsonObject, key: string, value: unknown) => {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  else obj[key] = value
}

/**
 * The issuer-signed payload with its disclosures in place (RFC 9901 §7.1): every digest at most once, a
 * disclosure only where its kind fits, no claim disclosed over an existing one, every disclosure used.
 */
const unpack = (payload: JsonObject, encodedDisclosures: string[]) => {
  const disclosures = new Map<string, Disclosure>()
  for (const encoded of encodedDisclosures) {
    const d = parseDisclosure(encoded)
    if (disclosures.has(d.digest)) reject('DISCLOSURE_INVALID', 'a disclosure is given twice')
    disclosures.set(d.digest, d)
  }
  const seen = new Set<string>()
  const take = (digest: unknown) => {
    if (typeof digest !== 'string') return reject('DISCLOSURE_INVALID', 'a digest is not a string')
    if (seen.has(digest)) reject('DISCLOSURE_INVALID', 'a digest appears twice')
    seen.add(digest)
    const d = disclosures.get(digest)
    if (d) d.used = true
    return d
  }
  const value = (v: unknown): unknown => (Array.isArray(v) ? array(v) : isObject(v) ? object(v) : v)
  const array = (items: unknown[]) => {
    const out: unknown[] = []
    for (const item of items) {
      if (isObject(item) && '...' in item) {
        if (Object.keys(item).length !== 1) reject('DISCLOSURE_INVALID', 'an array digest has other keys')
        const d = take(item['...'])
        if (!d) continue // a decoy
        if (d.name !== undefined)
          reject('DISCLOSURE_INVALID', 'an object disclosure is used as an array element')
        out.push(value(d.value))
      } else out.push(value(item))
    }
    return out
  }
  const object = (obj: JsonObject) => {
    const out: JsonObject = {}
    for (const [k, v] of Object.entries(obj)) if (k !== '_sd') put(out, k, value(v))
    if (obj._sd === undefined) return out
    if (!Array.isArray(obj._sd)) return reject('DISCLOSURE_INVALID', '_sd is not an array')
    for (const digest of obj._sd) {
      const d = take(digest)
      if (!d) continue // a decoy
      if (d.name === undefined) return reject('DISCLOSURE_INVALID', 'an array disclosure is used as a claim')
      if (Object.hasOwn(out, d.name))
        reject('DISCLOSURE_INVALID', `claim ${d.name} is disclosed over an existing one`)
      if (obj === payload && NEVER_DISCLOSED.has(d.name))
        reject('DISCLOSURE_INVALID', `claim ${d.name} must not be selectively disclosed`)
      put(out, d.name, value(d.value))
    }
    return out
  }
  const claims = object(payload)
  // RFC 9901 §7.1 step 5: a disclosure no digest refers to (altered, or from another credential) is refused.
  for (const d of disclosures.values())
    if (!d.used)
      reject('DISCLOSURE_INVALID', 'A disclosure is not referenced by the issuer-signed JWT (altered?)')
  delete claims._sd_alg
  return claims
}

/** The holder's key-binding JWT (RFC 9901 §7.3): typed, this nonce and audience, fresh, over this presentation. */
const checkKeyBinding = (
  kbJwt: string,
  presented: string,
  cnf: unknown,
  options: SdJwtVcVerifyOptions & { now: number; skew: number },
) => {
  if (kbJwt === '') return reject('KEY_BINDING_INVALID', 'Key Binding JWT not exist')
  const kb = parseJws(kbJwt, 'key-binding JWT')
  const { header, payload } = kb
  if (header.typ !== KB_JWT_TYP || header.alg !== 'ES256')
    reject('KEY_BINDING_INVALID', 'the key-binding JWT must be typ kb+jwt, alg ES256')
  if (payload.nonce !== options.keyBindingNonce)
    reject('KEY_BINDING_INVALID', 'Invalid Nonce in the key-binding JWT')
  if (typeof payload.aud !== 'string' || payload.aud === '')
    reject('KEY_BINDING_INVALID', 'the key-binding JWT has no audience')
  if (options.keyBindingAudience !== undefined && payload.aud !== options.keyBindingAudience)
    reject('KEY_BINDING_INVALID', 'the key-binding JWT is for another verifier')
  const iat = payload.iat
  if (typeof iat !== 'number') return reject('KEY_BINDING_INVALID', 'the key-binding JWT has no iat')
  if (iat - options.skew > options.now) reject('KEY_BINDING_INVALID', 'the key-binding JWT is not yet valid')
  if (iat + (options.keyBindingMaxAgeSeconds ?? KB_MAX_AGE_S) + options.skew < options.now)
    reject('KEY_BINDING_INVALID', 'the key-binding JWT is too old')
  if (payload.sd_hash !== sha256(presented))
    reject('KEY_BINDING_INVALID', 'Invalid sd_hash in Key Binding JWT')
  const holderKey = isObject(cnf) ? p256PublicKey(cnf.jwk) : undefined
  if (!holderKey) return reject('KEY_BINDING_INVALID', 'the credential has no P-256 holder key (cnf.jwk)')
  if (!es256Verifies(holderKey, kb)) reject('KEY_BINDING_INVALID', 'the key-binding JWT signature is invalid')
  return { header, payload }
}

const statusReference = (status: unknown) => {
  const list = isObject(status) ? status.status_list : undefined
  if (
    !isObject(list) ||
    typeof list.uri !== 'string' ||
    !Number.isSafeInteger(list.idx) ||
    (list.idx as number) < 0
  )
    return reject('UNSUPPORTED', 'status: only a status_list reference { idx, uri } can be checked')
  return { uri: list.uri, idx: list.idx as number }
}

/** What the library does without a fetcher: GET the list, 10 s at most, as application/statuslist+jwt. */
const fetchOverHttp: StatusListFetcher = async (uri) => {
  const res = await fetch(uri, {
    headers: { accept: 'application/statuslist+jwt' },
    signal: AbortSignal.timeout(10_000),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  if (!res.headers.get('content-type')?.includes('application/statuslist+jwt'))
    throw new Error('not application/statuslist+jwt')
  return res.text()
}

const verifyPresentation = async (
  presentation: string,
  keyOf: IssuerKeyLookup,
  statusOf: (uri: string, idx: number, now: number, skew: number) => Promise<number>,
  options: SdJwtVcVerifyOptions,
): Promise<VerifiedSdJwtVc> => {
  const now = options.currentDate ?? Math.floor(Date.now() / 1000)
  const skew = options.skewSeconds ?? 0
  const parts = presentation.split('~')
  if (parts.length < 2)
    reject('MALFORMED', 'not an SD-JWT: <issuer-signed JWT>~<disclosures>~[<key-binding JWT>]')
  const kbJwt = parts.pop() as string
  const [jwt = '', ...disclosures] = parts
  const issuerSigned: CompactJws = parseJws(jwt, 'issuer-signed JWT')
  verifyIssuerSigned(issuerSigned, keyOf, SD_JWT_VC_TYP, 'credential')
  const { header, payload } = issuerSigned
  checkTimes(payload, now, skew, 'credential')
  if (typeof payload.vct !== 'string') reject('MALFORMED', 'credential: vct is missing')
  if (payload._sd_alg !== undefined && payload._sd_alg !== 'sha-256')
    reject('UNSUPPORTED', 'credential: only sha-256 digests are accepted')
  const claims = unpack(payload, disclosures)
  // Like the library: without an expected nonce a key-binding JWT is not asked for (nor checked).
  const kb =
    options.keyBindingNonce === undefined
      ? undefined
      : checkKeyBinding(kbJwt, presentation.slice(0, presentation.length - kbJwt.length), payload.cnf, {
          ...options,
          now,
          skew,
        })
  if (kb === undefined && kbJwt !== '') parseJws(kbJwt, 'key-binding JWT')
  if (payload.status !== undefined) {
    const { uri, idx } = statusReference(payload.status)
    if ((await statusOf(uri, idx, now, skew)) !== 0)
      reject('STATUS_INVALID', 'Status is not valid: the credential is revoked or suspended')
  }
  return kb ? { header, payload: claims, kb } : { header, payload: claims }
}

/**
 * The platform's SD-JWT VC verifier (RFC 9901, draft-ietf-oauth-sd-jwt-vc, draft-ietf-oauth-status-list),
 * given our published keys: the issuer signature (ES256, key by `kid`, imported once), the disclosures, the
 * holder's key-binding JWT against `cnf.jwk`, and the status bit from the list `fetchStatusList` returns (a
 * verifier offline passes its cached copy; each list is verified once and kept for its `ttl`). Throws
 * `credentials.PRESENTATION_INVALID` with `details.reason`. Our own code rather than the @sd-jwt library's
 * verifier, which is about 50 times slower (docs/credentials.md, "Performance"); the tests check that both
 * accept and refuse the same presentations.
 */
export const sdJwtVcVerifier = (jwks: PublishedJwks, fetchStatusList: StatusListFetcher = fetchOverHttp) => {
  const keyOf = issuerKeysByKid(jwks.keys)
  const lists = statusListCache(keyOf, fetchStatusList)
  return {
    verify: (presentation: string, options: SdJwtVcVerifyOptions = {}) =>
      verifyPresentation(presentation, keyOf, lists.statusOf, options),
  }
}

export type SdJwtVcVerifier = ReturnType<typeof sdJwtVcVerifier>
