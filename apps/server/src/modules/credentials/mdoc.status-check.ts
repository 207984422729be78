// A verifier's check of an mdoc's revocation status: the MSO's `status` reference, the CWT status list.

import { X509Certificate } from 'node:crypto'
import { fail } from '../../platform/errors.js'
import { CREDENTIALS } from './credentials.errors.js'
import { statusAt } from './sd-jwt.status-cache.js'
import { openStatusListCwt, STATUS_LIST_CWT_TYPE, StatusListCwtError } from './status-list.cwt.js'
import { freshListCache } from './status-list.fresh-cache.js'

export type MdocStatusRejection =
  | 'NO_STATUS'
  | 'MALFORMED'
  | 'UNAVAILABLE'
  | 'UNTRUSTED'
  | 'SIGNATURE_INVALID'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'OUT_OF_RANGE'

const reject = (reason: MdocStatusRejection, message: string): never =>
  fail(CREDENTIALS.MDOC_STATUS_UNAVAILABLE, message, { reason })

/** Fetches a status list token as bytes (the verifier's own cache, or HTTP). */
export type MdocStatusListFetcher = (uri: string) => Promise<Uint8Array>

/** An mdoc document as @auth0/mdl's Verifier returns it (its MSO already verified), or any with that shape. */
export type VerifiedMdocDocument = { issuerSigned: { issuerAuth: { decodedPayload: unknown } } }

export type MdocStatus = {
  /** true for status 0 (VALID); anything else (1 INVALID: revoked) means the mdoc must be refused. */
  valid: boolean
  value: number
  uri: string
  idx: number
}

/** Map (how @auth0/mdl decodes CBOR) or plain object, read alike. */
const field = (v: unknown, name: string): unknown =>
  v instanceof Map
    ? v.get(name)
    : typeof v === 'object' && v !== null
      ? (v as Record<string, unknown>)[name]
      : undefined

/**
 * The MSO's Token Status List reference (draft-ietf-oauth-status-list §6.3): `status` → `status_list` →
 * { idx: uint, uri: tstr }.
 */
export const mdocStatusReference = (doc: VerifiedMdocDocument) => {
  const list = field(field(doc.issuerSigned.issuerAuth.decodedPayload, 'status'), 'status_list')
  if (list === undefined) return reject('NO_STATUS', 'the MSO has no status.status_list reference')
  const idx = field(list, 'idx')
  const uri = field(list, 'uri')
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0 || typeof uri !== 'string')
    return reject('MALFORMED', 'status_list must be { idx: unsigned integer, uri: text }')
  if (!URL.canParse(uri)) return reject('MALFORMED', 'status_list.uri is not a URI')
  return { idx, uri }
}

/** What an online verifier does: GET the list as a CWT (§8.1), 10 s at most. */
export const fetchStatusListCwt: MdocStatusListFetcher = async (uri) => {
  const res = await fetch(uri, {
    headers: { accept: STATUS_LIST_CWT_TYPE },
    signal: AbortSignal.timeout(10_000),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  if (!res.headers.get('content-type')?.includes(STATUS_LIST_CWT_TYPE))
    throw new Error(`not ${STATUS_LIST_CWT_TYPE}`)
  return new Uint8Array(await res.arrayBuffer())
}

/** How long a list is kept when its token names no `ttl` (ours always does: 300 s). */
const DEFAULT_TTL_S = 300

/**
 * The platform's mdoc status check, for verifiers after @auth0/mdl's `Verifier` has accepted a device
 * response: `check(document, now)` reads the MSO's status reference, fetches the status list token as a CWT
 * (`Accept: application/statuslist+cwt`), verifies it against the IACA roots (the signer's certificate in
 * x5chain must be issued by one of them and valid), checks `sub` = the reference's uri, iat and exp, and
 * reads the entry. Lists are kept per URI for their ttl (never past exp); past it the list is fetched again
 * and, if that fails, the check fails: no stale list is used. Throws `credentials.MDOC_STATUS_UNAVAILABLE`
 * (details.reason) when no statement can be made; the draft says to refuse the mdoc then.
 */
export const mdocStatusChecker = (opts: {
  iacaRoots: readonly string[]
  fetchStatusList?: MdocStatusListFetcher
  skewSeconds?: number
}) => {
  const roots = opts.iacaRoots.map((pem) => new X509Certificate(pem))
  const fetchList = opts.fetchStatusList ?? fetchStatusListCwt
  const skew = opts.skewSeconds ?? 60
  const lists = freshListCache({
    fetchList,
    unavailable: (message) => reject('UNAVAILABLE', message),
    open: (token: Uint8Array, uri, now: Date, skew) => {
      try {
        const list = openStatusListCwt(token, uri, roots, now, skew)
        return { ...list, ttl: list.ttl || DEFAULT_TTL_S }
      } catch (e) {
        if (e instanceof StatusListCwtError) return reject(e.reason, e.message)
        throw e
      }
    },
    seconds: (now) => Math.floor(now.getTime() / 1000),
  })

  return {
    async check(doc: VerifiedMdocDocument, now: Date): Promise<MdocStatus> {
      const { idx, uri } = mdocStatusReference(doc)
      const list = await lists.get(uri, now, skew)
      const value = statusAt(list.bytes, list.bits, idx)
      if (value === undefined) return reject('OUT_OF_RANGE', `status list ${uri} has no entry ${idx}`)
      return { valid: value === 0, value, uri, idx }
    },
  }
}
