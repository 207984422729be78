// The compact credential: a COSE_Sign1 (RFC 9052 §4.2, untagged, ES256) whose payload carries one sharing
// profile's claims, the holder's device key, issue and expiry days, a status-list reference and an id.

import { base64urlDecode, base64urlEncode, bytesToUuid, uuidToBytes } from './bytes.js'
import { type Cbor, type CborMap, cborDecode, cborEncode } from './cbor.js'
import { type Claims, decodeClaims, encodeClaims, PROFILE_CODE, PROFILES, type Profile } from './claims.js'
import type { Bytes } from './crypto.js'
import { compressJwk, type EcPublicJwk } from './p256.js'

const DAY_MS = 86_400_000
const COSE_ALG = 1
const COSE_KID = 4
const ALG_ES256 = -7
/** Payload keys. */
const K = { profile: 1, id: 2, iat: 3, exp: 4, deviceKey: 5, status: 6, claims: 7 } as const

export type StatusRef = { list: number; index: number }
export type CompactCredential = {
  /** The issuer key id (base64url, as in the published JWK). */
  kid: string
  profile: Profile
  id: string
  /** UTC midnights: credentials carry days, so a batch issued the same day looks alike. */
  issuedAt: Date
  expiresAt: Date
  /** The holder's device key, compressed (33 bytes). */
  deviceKey: Uint8Array
  status: StatusRef
  claims: Claims
}

export type IssueInput = {
  kid: string
  profile: Profile
  id: string
  issuedAt: Date
  expiresAt: Date
  deviceKey: EcPublicJwk
  status: StatusRef
  claims: Claims
}

const days = (d: Date) => Math.floor(d.getTime() / DAY_MS)

const sigStructure = (protectedBytes: Uint8Array, payload: Uint8Array) =>
  cborEncode(['Signature1', protectedBytes, new Uint8Array(0), payload])

/**
 * Builds and signs a credential; `sign` returns the ES256 signature (r || s) of its input. Returns the
 * credential as base64url, what the app stores. Throws RangeError on input no verifier would accept.
 */
export const issueCompactCredential = async (
  input: IssueInput,
  sign: (toBeSigned: Bytes) => Uint8Array | Promise<Uint8Array>,
): Promise<string> => {
  const kid = base64urlDecode(input.kid)
  if (!kid || kid.length === 0 || kid.length > 16) throw new RangeError('kid: 1 to 16 bytes of base64url')
  const iat = days(input.issuedAt)
  const exp = Math.ceil(input.expiresAt.getTime() / DAY_MS)
  if (exp <= iat) throw new RangeError('the credential expires before it is issued')
  const payload: CborMap = new Map<number, Cbor>([
    [K.profile, PROFILE_CODE[input.profile]],
    [K.id, uuidToBytes(input.id)],
    [K.iat, iat],
    [K.exp, exp],
    [K.deviceKey, compressJwk(input.deviceKey)],
    [K.status, [input.status.list, input.status.index]],
    [K.claims, encodeClaims(input.profile, input.claims)],
  ])
  const protectedBytes = cborEncode(
    new Map<number, Cbor>([
      [COSE_ALG, ALG_ES256],
      [COSE_KID, kid],
    ]),
  )
  const payloadBytes = cborEncode(payload)
  const signature = await sign(sigStructure(protectedBytes, payloadBytes))
  if (signature.length !== 64) throw new RangeError('ES256 signature must be 64 bytes (r || s)')
  return base64urlEncode(cborEncode([protectedBytes, new Map(), payloadBytes, signature]))
}

export type ParsedSign1 = { kid: Uint8Array; payload: Uint8Array; signature: Bytes; toBeSigned: Bytes }

/** The COSE_Sign1 structure, with exactly our protected header (ES256 and a kid); null when it is anything else. */
export const parseSign1 = (bytes: Uint8Array): ParsedSign1 | null => {
  let outer: Cbor
  let header: Cbor
  try {
    outer = cborDecode(bytes)
    if (!Array.isArray(outer) || outer.length !== 4) return null
    const [prot, unprot, payload, signature] = outer
    if (!(prot instanceof Uint8Array) || !(payload instanceof Uint8Array)) return null
    if (!(unprot instanceof Map) || unprot.size !== 0) return null
    if (!(signature instanceof Uint8Array) || signature.length !== 64) return null
    header = cborDecode(prot)
    if (!(header instanceof Map) || header.size !== 2 || header.get(COSE_ALG) !== ALG_ES256) return null
    const kid = header.get(COSE_KID)
    if (!(kid instanceof Uint8Array) || kid.length === 0) return null
    return { kid, payload, signature: signature.slice(), toBeSigned: sigStructure(prot, payload) }
  } catch {
    return null
  }
}

/** The signed payload read back; null when it is not a credential of this format. */
export const decodePayload = (payloadBytes: Uint8Array, kid: Uint8Array): CompactCredential | null => {
  let map: Cbor
  try {
    map = cborDecode(payloadBytes)
  } catch {
    return null
  }
  if (!(map instanceof Map) || map.size !== 7) return null
  const profile = PROFILES[(map.get(K.profile) as number) - 1]
  const id = map.get(K.id)
  const iat = map.get(K.iat)
  const exp = map.get(K.exp)
  const deviceKey = map.get(K.deviceKey)
  const status = map.get(K.status)
  if (!profile || !(id instanceof Uint8Array) || id.length !== 16) return null
  if (typeof iat !== 'number' || typeof exp !== 'number' || iat < 0 || exp <= iat) return null
  if (!(deviceKey instanceof Uint8Array) || deviceKey.length !== 33) return null
  if (!Array.isArray(status) || status.length !== 2) return null
  const [list, index] = status
  if (typeof list !== 'number' || typeof index !== 'number' || list < 0 || index < 0) return null
  const claims = decodeClaims(profile, map.get(K.claims) ?? null)
  if (!claims) return null
  return {
    kid: base64urlEncode(kid),
    profile,
    id: bytesToUuid(id),
    issuedAt: new Date(iat * DAY_MS),
    expiresAt: new Date(exp * DAY_MS),
    deviceKey,
    status: { list, index },
    claims,
  }
}

/**
 * What a stored credential says, WITHOUT checking its signature: for the holder's app to list its credentials
 * (profile, claims, expiry). A verifier uses verifyQr.
 */
export const inspectCredential = (credential: string): CompactCredential | null => {
  const bytes = base64urlDecode(credential)
  const sign1 = bytes ? parseSign1(bytes) : null
  return sign1 ? decodePayload(sign1.payload, sign1.kid) : null
}
