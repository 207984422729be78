// The Token Status List in CWT form (draft-ietf-oauth-status-list §5.2): what an mdoc verifier fetches.
// CBOR through vn-share's strict subset: deterministic on writing, and a reader that accepts only that.

import { createPrivateKey, type JsonWebKey, type KeyObject, sign, verify, X509Certificate } from 'node:crypto'
import { inflateSync } from 'node:zlib'
import { type Cbor, type CborMap, cborDecode, cborEncode } from '@dinhdanh/vn-share'
import type { JWK } from 'jose'

export const STATUS_LIST_CWT_TYPE = 'application/statuslist+cwt'

/** COSE header labels (RFC 9052 §3.1, RFC 9360 x5chain, RFC 9596 typ) and CWT claim keys (RFC 8392, the draft). */
const ALG = 1
const KID = 4
const TYP = 16
const X5CHAIN = 33
const ES256 = -7
const SUB = 2
const EXP = 4
const IAT = 6
const TTL = 65534
const STATUS_LIST = 65533
/** COSE_Sign1_Tagged: the draft requires the tag (and no CWT tag 61 around it). */
const TAG_18 = 0xd2

/** A list of 131,072 one-bit entries is 16 KiB; refuse to inflate anything absurd (a zlib bomb). */
const MAX_LIST_BYTES = 8 * 1024 * 1024

/** RFC 9052 §4.4: what a COSE_Sign1 signature covers (no external AAD). */
const sigStructure = (protectedBytes: Uint8Array, payload: Uint8Array) =>
  cborEncode(['Signature1', protectedBytes, new Uint8Array(0), payload])

export type StatusListCwtInput = {
  uri: string
  iat: number
  exp: number
  ttl: number
  /** The zlib-compressed status bytes (§4.1), one bit per entry. */
  lst: Uint8Array
}

/**
 * Signs a Status List Token as a CWT: COSE_Sign1_Tagged, ES256, protected `typ` application/statuslist+cwt,
 * the signer's certificate in `x5chain` (§11.3: the key of the mdocs it speaks for, under the same IACA root).
 */
export const signStatusListCwt = (
  input: StatusListCwtInput,
  signer: { privateJwk: JWK; kid: string; certificatePem: string },
) => {
  const protectedBytes = cborEncode(
    new Map<number, Cbor>([
      [ALG, ES256],
      [TYP, STATUS_LIST_CWT_TYPE],
    ]),
  )
  const payload = cborEncode(
    new Map<number, Cbor>([
      [SUB, input.uri],
      [IAT, input.iat],
      [EXP, input.exp],
      [TTL, input.ttl],
      [
        STATUS_LIST,
        new Map<string, Cbor>([
          ['bits', 1],
          ['lst', input.lst],
        ]),
      ],
    ]),
  )
  const key = createPrivateKey({ key: signer.privateJwk as JsonWebKey, format: 'jwk' })
  const signature = sign('sha256', sigStructure(protectedBytes, payload), { key, dsaEncoding: 'ieee-p1363' })
  const unprotected = new Map<number, Cbor>([
    [KID, new TextEncoder().encode(signer.kid)],
    [X5CHAIN, new Uint8Array(new X509Certificate(signer.certificatePem).raw)],
  ])
  const body = cborEncode([protectedBytes, unprotected, payload, new Uint8Array(signature)])
  const out = new Uint8Array(body.length + 1)
  out[0] = TAG_18
  out.set(body, 1)
  return out
}

export type CwtRejection = 'MALFORMED' | 'UNTRUSTED' | 'SIGNATURE_INVALID' | 'NOT_YET_VALID' | 'EXPIRED'

export class StatusListCwtError extends Error {
  constructor(
    readonly reason: CwtRejection,
    message: string,
  ) {
    super(message)
    this.name = 'StatusListCwtError'
  }
}

const refuse = (reason: CwtRejection, message: string): never => {
  throw new StatusListCwtError(reason, `status list CWT: ${message}`)
}

export type OpenedStatusList = {
  bits: 1 | 2 | 4 | 8
  bytes: Buffer
  iat: number
  exp: number | undefined
  ttl: number | undefined
}

const asMap = (v: Cbor | undefined, what: string): CborMap =>
  v instanceof Map ? v : refuse('MALFORMED', `${what} is not a map`)
const uint = (v: Cbor | undefined, what: string) =>
  typeof v === 'number' && v >= 0 ? v : refuse('MALFORMED', `${what} is not an unsigned integer`)

/** The signer's certificate, when it chains to one of the trusted IACA roots and is valid at `now`. */
const trustedSigner = (der: Cbor | undefined, roots: readonly X509Certificate[], now: Date): KeyObject => {
  const first = Array.isArray(der) ? der[0] : der
  if (!(first instanceof Uint8Array)) return refuse('MALFORMED', 'no x5chain certificate')
  let cert: X509Certificate
  try {
    cert = new X509Certificate(first)
  } catch {
    return refuse('MALFORMED', 'x5chain is not a certificate')
  }
  if (!roots.some((root) => cert.checkIssued(root) && cert.verify(root.publicKey)))
    refuse('UNTRUSTED', 'the signer certificate is not issued by a trusted IACA root')
  if (now < new Date(cert.validFrom) || now > new Date(cert.validTo))
    refuse('UNTRUSTED', 'the signer certificate is not valid now')
  return cert.publicKey
}

/**
 * Opens a Status List Token in CWT form for the list at `uri` (§8.3): COSE_Sign1_Tagged, ES256 by a
 * certificate under a trusted root, typ, `sub` = `uri`, iat and exp at `now` (with `skew` seconds), then
 * the status list inflated. Throws StatusListCwtError with the reason.
 */
export const openStatusListCwt = (
  token: Uint8Array,
  uri: string,
  roots: readonly X509Certificate[],
  now: Date,
  skewSeconds: number,
): OpenedStatusList => {
  if (token[0] !== TAG_18) refuse('MALFORMED', 'not a COSE_Sign1_Tagged message')
  let outer: Cbor
  try {
    outer = cborDecode(token.subarray(1))
  } catch (e) {
    return refuse('MALFORMED', `not CBOR (${(e as Error).message})`)
  }
  if (!Array.isArray(outer) || outer.length !== 4) return refuse('MALFORMED', 'not a COSE_Sign1')
  const [protectedBytes, unprotected, payload, signature] = outer
  if (!(protectedBytes instanceof Uint8Array) || !(payload instanceof Uint8Array))
    return refuse('MALFORMED', 'protected header and payload must be byte strings')
  if (!(signature instanceof Uint8Array) || signature.length !== 64)
    return refuse('MALFORMED', 'an ES256 signature is 64 bytes')
  let header: CborMap
  let claims: CborMap
  try {
    header = asMap(cborDecode(protectedBytes), 'protected header')
    claims = asMap(cborDecode(payload), 'claims')
  } catch (e) {
    return e instanceof StatusListCwtError ? refuse(e.reason, e.message) : refuse('MALFORMED', 'bad CBOR')
  }
  // A MAC or another algorithm is not accepted: the list must be verifiable by anyone holding the roots.
  if (header.get(ALG) !== ES256) refuse('MALFORMED', 'alg must be ES256 (-7) in the protected header')
  if (header.get(TYP) !== STATUS_LIST_CWT_TYPE) refuse('MALFORMED', `typ must be ${STATUS_LIST_CWT_TYPE}`)
  const key = trustedSigner(
    header.get(X5CHAIN) ?? asMap(unprotected, 'unprotected header').get(X5CHAIN),
    roots,
    now,
  )
  if (!verify('sha256', sigStructure(protectedBytes, payload), { key, dsaEncoding: 'ieee-p1363' }, signature))
    refuse('SIGNATURE_INVALID', 'the signature does not verify')

  if (claims.get(SUB) !== uri) refuse('MALFORMED', 'sub is not the URI it was fetched from')
  const t = Math.floor(now.getTime() / 1000)
  const iat = uint(claims.get(IAT), 'iat')
  if (iat - skewSeconds > t) refuse('NOT_YET_VALID', 'issued in the future')
  const exp = claims.has(EXP) ? uint(claims.get(EXP), 'exp') : undefined
  if (exp !== undefined && exp + skewSeconds < t) refuse('EXPIRED', 'expired')
  const ttl = claims.has(TTL) ? uint(claims.get(TTL), 'ttl') : undefined
  const list = asMap(claims.get(STATUS_LIST), 'status_list')
  const bits = list.get('bits')
  const lst = list.get('lst')
  if (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8)
    return refuse('MALFORMED', 'bits must be 1, 2, 4 or 8')
  if (!(lst instanceof Uint8Array)) return refuse('MALFORMED', 'lst must be a byte string')
  let bytes: Buffer
  try {
    bytes = inflateSync(lst, { maxOutputLength: MAX_LIST_BYTES })
  } catch {
    return refuse('MALFORMED', 'lst is not a zlib-compressed byte array')
  }
  return { bits, bytes, iat, exp, ttl }
}
