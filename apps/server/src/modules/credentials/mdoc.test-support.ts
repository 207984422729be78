import type { webcrypto } from 'node:crypto'
import { DataItem, DeviceResponse, Verifier } from '@auth0/mdl'
import { cborEncode } from '@auth0/mdl/lib/cbor/index.js'
import type { FastifyInstance } from 'fastify'
import { MDL_DOCTYPE, MDL_NAMESPACE } from './mdoc.issuer.js'

/** An OpenID4VP-style session transcript: the wallet's device signature covers it, so a nonce binds a session. */
export const transcript = (nonce: string) =>
  cborEncode(DataItem.fromData([null, null, ['mdoc-nonce', 'verifier', 'https://verifier.example', nonce]]))

const presentationDefinition = (fields: string[]) => ({
  id: 'mdl',
  input_descriptors: [
    {
      id: MDL_DOCTYPE,
      format: { mso_mdoc: { alg: ['ES256'] } },
      constraints: {
        limit_disclosure: 'required' as const,
        fields: fields.map((f) => ({ path: [`$['${MDL_NAMESPACE}']['${f}']`], intent_to_retain: false })),
      },
    },
  ],
})

/** What the wallet does: a device response with the chosen elements, signed with the device key. */
export const respond = async (
  credential: string,
  devicePrivate: webcrypto.JsonWebKey | object,
  fields: string[],
  nonce = 'v-nonce',
) => {
  const mdoc = await DeviceResponse.from(Buffer.from(credential, 'base64url'))
    .usingPresentationDefinition(presentationDefinition(fields))
    .usingSessionTranscriptBytes(transcript(nonce))
    .authenticateWithSignature(
      devicePrivate as Parameters<DeviceResponse['authenticateWithSignature']>[0],
      'ES256',
    )
    .sign()
  return mdoc.encode()
}

/** The IACA roots (PEM) a verifier installs from the published endpoint. */
export const iacaRoots = async (app: FastifyInstance) =>
  (
    (await app.inject({ method: 'GET', url: '/api/v1/credentials/mdoc-iaca' })).json() as {
      certificates: string[]
    }
  ).certificates

/** A verifier with @auth0/mdl: the device response checked against the published roots; its documents. */
export const verifyWithLibrary = async (app: FastifyInstance, response: Uint8Array, nonce = 'v-nonce') =>
  (await new Verifier(await iacaRoots(app)).verify(response, { encodedSessionTranscript: transcript(nonce) }))
    .documents
