import { inflateSync } from 'node:zlib'
import {
  checkTimes,
  type IssuerKeyLookup,
  isObject,
  parseJws,
  reject,
  verifyIssuerSigned,
} from './sd-jwt.jws.js'
import { freshListCache } from './status-list.fresh-cache.js'

export type StatusListFetcher = (uri: string) => Promise<string>

/** How long a list is kept when its JWT names no `ttl` (ours always does: 300 s). */
const DEFAULT_TTL_S = 300
/** A list of 131,072 one-bit entries is 16 KiB; refuse to inflate anything absurd (a zlib bomb). */
const MAX_LIST_BYTES = 8 * 1024 * 1024

type Bits = 1 | 2 | 4 | 8

/**
 * Status `index` of a Token Status List (draft-ietf-oauth-status-list §4.1): `bits` per entry, entry 0 in the
 * lowest bits of byte 0; undefined when the list has no such entry.
 */
export const statusAt = (bytes: Uint8Array, bits: Bits, index: number) => {
  const byte = bytes[Math.floor((index * bits) / 8)]
  if (byte === undefined) return undefined
  return (byte >> ((index * bits) % 8)) & ((1 << bits) - 1)
}

/** A fetched status list JWT, checked: our typ, an issuer key, `sub` the URI it was fetched from, its times. */
const openList = (jwt: string, uri: string, keyOf: IssuerKeyLookup, now: number, skew: number) => {
  const jws = parseJws(jwt, 'status list')
  verifyIssuerSigned(jws, keyOf, 'statuslist+jwt', 'status list')
  const { payload } = jws
  if (payload.sub !== uri) reject('STATUS_UNAVAILABLE', 'status list: sub is not the URI it was fetched from')
  checkTimes(payload, now, skew, 'status list')
  const list = payload.status_list
  if (!isObject(list) || typeof list.lst !== 'string' || ![1, 2, 4, 8].includes(list.bits as number))
    return reject('MALFORMED', 'status list: status_list must have bits 1, 2, 4 or 8 and lst')
  let bytes: Buffer
  try {
    bytes = inflateSync(Buffer.from(list.lst, 'base64url'), { maxOutputLength: MAX_LIST_BYTES })
  } catch {
    return reject('MALFORMED', 'status list: lst is not a zlib-compressed byte array')
  }
  const ttl = typeof payload.ttl === 'number' && payload.ttl > 0 ? payload.ttl : DEFAULT_TTL_S
  const exp = payload.exp as number | undefined
  const iat = payload.iat as number | undefined
  return { bits: list.bits as Bits, bytes, iat, exp, ttl }
}

/**
 * Status lists by URI, each verified and inflated once, then kept for its `ttl` (and never past its `exp`):
 * a verifier checks thousands of credentials against the same few lists. A list past its ttl is fetched
 * again; when that fails, the verification fails (no stale list is used). Concurrent verifications
 * needing the same list share one fetch.
 */
export const statusListCache = (keyOf: IssuerKeyLookup, fetchList: StatusListFetcher) => {
  const lists = freshListCache({
    fetchList,
    unavailable: (message) => reject('STATUS_UNAVAILABLE', message),
    open: (jwt: string, uri, now: number, skew) => openList(jwt, uri, keyOf, now, skew),
    seconds: (now) => now,
  })

  return {
    /** The status of entry `index` in the list at `uri` at time `now` (seconds). */
    async statusOf(uri: string, index: number, now: number, skew: number) {
      const list = await lists.get(uri, now, skew)
      // A list fetched for a later "now" by a concurrent verification must still hold at this one.
      checkTimes({ iat: list.iat, exp: list.exp }, now, skew, 'status list')
      return (
        statusAt(list.bytes, list.bits, index) ??
        reject('STATUS_INVALID', `status list ${uri} has no entry ${index}`)
      )
    },
  }
}
