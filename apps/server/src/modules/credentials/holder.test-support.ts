import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list'
import type { FastifyInstance } from 'fastify'
import { decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose'
import type { Clock } from '../../platform/clock.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { PROOF_TYP } from './holder-proof.js'

/** A citizen app's device key: the private JWK stays on the phone, the public one goes into the proof. */
export const holderKey = async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  return { publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey) }
}

export type HolderKey = Awaited<ReturnType<typeof holderKey>>

/**
 * What the citizen app sends as `proof`: an OpenID4VCI jwt proof signed with the device key, the public
 * key in the header. `over` changes what a test needs to break (header, payload, signing key).
 */
export const proofFor = async (
  key: HolderKey,
  clock: Clock,
  claims: { aud: string; nonce: string | undefined },
  over: {
    header?: Record<string, unknown>
    payload?: Record<string, unknown>
    signWith?: JWK
    iat?: number
  } = {},
) => {
  const iat = over.iat ?? Math.floor(clock.now().getTime() / 1000)
  const payload = { aud: claims.aud, iat, ...(claims.nonce ? { nonce: claims.nonce } : {}), ...over.payload }
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', typ: PROOF_TYP, jwk: key.publicJwk, ...over.header })
    .sign(await importJWK(over.signWith ?? key.privateJwk, 'ES256'))
}

/** What the citizen app does: a nonce, a proof over it with the device key, the credential request. */
export const requestCredential = async (
  t: { app: FastifyInstance; deps: { config: { publicUrl: string } }; clock: Clock },
  b: TestBrowser,
  key: HolderKey,
  body: { format: 'dc+sd-jwt' | 'mso_mdoc'; type: 'pid' | 'document'; documentId?: string },
) => {
  const nonce = await b.call('POST', '/api/v1/credentials/nonce', undefined, b.csrf())
  if (nonce.statusCode !== 200) return nonce
  const proof = await proofFor(key, t.clock, { aud: t.deps.config.publicUrl, nonce: nonce.json().c_nonce })
  return b.call('POST', '/api/v1/credentials', { ...body, proof }, b.csrf())
}

/** The credential's bit in the status list as a verifier reads it: the published JWT, decoded by @sd-jwt. */
export const publishedStatusOf = async (app: FastifyInstance, sdJwtVc: string) => {
  const { status } = decodeJwt(sdJwtVc.split('~')[0] ?? '') as {
    status: { status_list: { idx: number; uri: string } }
  }
  const res = await app.inject({ method: 'GET', url: new URL(status.status_list.uri).pathname })
  if (res.statusCode !== 200) throw new Error(`status list: ${res.statusCode}`)
  return getListFromStatusListJWT(res.body).getStatus(status.status_list.idx)
}
