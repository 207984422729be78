import { type PublicJwk, publicJwkOf, signHolderProof } from './holderProof'
import { idbAdd, idbGet, STORES } from './idb'

// This browser's device key for offline sharing: ECDSA P-256, generated once, non-extractable, kept in
// IndexedDB. The private half can sign but never be read out, not even by this page's own scripts.

export type DeviceKey = { privateKey: CryptoKey; publicJwk: PublicJwk }

const KEY_ID = 'device'

const generate = async (): Promise<DeviceKey> => {
  // The public key is always extractable in WebCrypto; `false` applies to the private key.
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])
  const publicJwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey))
  return { privateKey: pair.privateKey, publicJwk }
}

let loading: Promise<DeviceKey> | null = null

/** The device key, created on first use. Another tab racing to create one wins or loses cleanly (`add`). */
export const deviceKey = (): Promise<DeviceKey> => {
  loading ??= (async () => {
    const stored = await idbGet<DeviceKey>(STORES.keys, KEY_ID)
    if (stored) return stored
    const fresh = await generate()
    if (await idbAdd(STORES.keys, KEY_ID, fresh)) return fresh
    const winner = await idbGet<DeviceKey>(STORES.keys, KEY_ID)
    if (!winner) throw new Error('device key vanished')
    return winner
  })().catch((e: unknown) => {
    loading = null
    throw e
  })
  return loading
}

/** A holder proof signed by this device for a nonce of the credential issuer (`aud`). */
export const deviceProof = async (input: { aud: string; nonce: string; now: Date }) =>
  signHolderProof(await deviceKey(), input)
