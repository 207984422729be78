import { deflateSync } from 'node:zlib'
import { importJWK, SignJWT } from 'jose'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { CREDENTIALS } from './credentials.errors.js'
import { activeIssuerKey, STATUS_LIST_LIFETIME_MS } from './issuer-keys.js'
import { signStatusListCwt } from './status-list.cwt.js'
import { findStatusList, revokedIndexes } from './status-list.repository.js'

/** Entries per list: large enough that a list says nothing about who was checked (the draft's herd privacy). */
export const STATUS_LIST_SIZE = 131_072
/** How long a verifier may keep a list before fetching it again (the JWT's `ttl`, and the HTTP cache). */
export const STATUS_LIST_TTL_S = 300

export const VALID = 0
export const INVALID = 1

export const statusListUri = (deps: Pick<Deps, 'config'>, listId: number) =>
  `${deps.config.publicUrl}/api/v1/credentials/status-lists/${listId}`

/** One bit per index, index 0 in the lowest bit of byte 0, then zlib (RFC 1950) as the draft requires. */
export const compressStatusBits = (size: number, invalid: number[]) => {
  const bytes = new Uint8Array(size / 8)
  for (const i of invalid) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (1 << (i & 7))
  return deflateSync(bytes, { level: 9 })
}

/** The compressed bits as the JWT's `lst` (base64url). */
export const encodeStatusBits = (size: number, invalid: number[]) =>
  compressStatusBits(size, invalid).toString('base64url')

/** The list as a signed Token Status List JWT (draft-ietf-oauth-status-list), `sub` its own URL. */
export const publishStatusList = async (
  deps: Pick<Deps, 'db' | 'clock' | 'keys' | 'config'>,
  listId: number,
) => {
  const list = (await findStatusList(deps.db, listId)) ?? fail(CREDENTIALS.STATUS_LIST_NOT_FOUND)
  const lst = encodeStatusBits(list.size, await revokedIndexes(deps.db, listId))
  const key = await activeIssuerKey(deps, 'sd-jwt')
  const iat = Math.floor(deps.clock.now().getTime() / 1000)
  return new SignJWT({ status_list: { bits: 1, lst }, ttl: STATUS_LIST_TTL_S })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'statuslist+jwt' })
    .setSubject(statusListUri(deps, listId))
    .setIssuedAt(iat)
    .setExpirationTime(iat + STATUS_LIST_LIFETIME_MS / 1000)
    .sign(await importJWK(key.privateJwk, 'ES256'))
}

/**
 * The same list as a CWT (draft §5.2) for mdoc verifiers, who trust IACA roots rather than a JWKS: signed
 * by the active mdoc document signer, its certificate in `x5chain` (§11.3: the issuer's own key, which chains
 * to the published IACA root). Same `sub`, lifetime and ttl as the JWT; served at the same URI on
 * `Accept: application/statuslist+cwt`.
 */
export const publishStatusListCwt = async (
  deps: Pick<Deps, 'db' | 'clock' | 'keys' | 'config'>,
  listId: number,
) => {
  const list = (await findStatusList(deps.db, listId)) ?? fail(CREDENTIALS.STATUS_LIST_NOT_FOUND)
  const lst = compressStatusBits(list.size, await revokedIndexes(deps.db, listId))
  const ds = await activeIssuerKey(deps, 'mdoc-ds')
  const iat = Math.floor(deps.clock.now().getTime() / 1000)
  return signStatusListCwt(
    {
      uri: statusListUri(deps, listId),
      iat,
      exp: iat + STATUS_LIST_LIFETIME_MS / 1000,
      ttl: STATUS_LIST_TTL_S,
      lst,
    },
    { privateJwk: ds.privateJwk, kid: ds.kid, certificatePem: String(ds.certificate) },
  )
}
