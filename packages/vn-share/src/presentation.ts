// The QR presentation: the credential, the time, a random nonce, and the device key's signature over
// ("VNO1", SHA-256(credential), time, nonce), CBOR, then base45 behind the `VNO1:` prefix.

import { base45Encode } from './base45.js'
import { base64urlDecode, concat } from './bytes.js'
import { cborEncode } from './cbor.js'
import type { Bytes, WebCryptoKey } from './crypto.js'

export const QR_PREFIX = 'VNO1:'
/** A QR is good for this long after the time it carries (what the app's countdown shows). */
export const QR_MAX_AGE_SECONDS = 60
export const NONCE_BYTES = 8
const DOMAIN = new TextEncoder().encode('VNO1')

/** What the device key signs: fixed lengths, so the concatenation is unambiguous (52 bytes). */
export const deviceMessage = (credentialHash: Uint8Array, time: number, nonce: Uint8Array): Bytes => {
  const t = new Uint8Array(8)
  const view = new DataView(t.buffer)
  view.setUint32(0, Math.floor(time / 0x100000000))
  view.setUint32(4, time >>> 0)
  return concat(DOMAIN, credentialHash, t, nonce)
}

/**
 * The text for a QR, valid QR_MAX_AGE_SECONDS from `now`: the app calls it for every QR it shows (a new
 * nonce each time). `deviceKey` is the private ECDSA P-256 key the credential is bound to (may be
 * non-extractable).
 */
export const presentForQr = async (
  credential: string | Uint8Array,
  deviceKey: WebCryptoKey,
  now: Date,
  opts: { nonce?: Uint8Array } = {},
): Promise<string> => {
  const bytes = typeof credential === 'string' ? base64urlDecode(credential) : new Uint8Array(credential)
  if (!bytes) throw new RangeError('credential: not base64url')
  const nonce = opts.nonce ?? crypto.getRandomValues(new Uint8Array(NONCE_BYTES))
  if (nonce.length !== NONCE_BYTES) throw new RangeError(`nonce: ${NONCE_BYTES} bytes`)
  const time = Math.floor(now.getTime() / 1000)
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, deviceKey, deviceMessage(hash, time, nonce)),
  )
  return QR_PREFIX + base45Encode(cborEncode([bytes, time, nonce, signature]))
}
