import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { fail } from '../errors.js'
import { KEYS } from './keys.errors.js'

/** Encrypts one kind of data at rest (biometric templates, portraits) under a key derived from the KEK. */
export type DataSealer = {
  readonly purpose: string
  seal(plaintext: Uint8Array, aad: string): Buffer
  open(sealed: Uint8Array, aad: string): Buffer
}

const VERSION = 1
const NONCE = 12
const TAG = 16

/**
 * AES-256-GCM under HKDF-SHA256(KEK, purpose): each purpose has its own key, so a leak of one kind of
 * data key exposes nothing else. Layout: version byte, 96-bit nonce, ciphertext, 128-bit tag. `aad`
 * binds a ciphertext to its row (e.g. the personal ID and finger), so rows cannot be swapped.
 */
export const createDataSealer = (kek: Buffer, purpose: string): DataSealer => {
  const key = Buffer.from(hkdfSync('sha256', kek, 'dinhdanh', `data-at-rest/${purpose}/v${VERSION}`, 32))
  return {
    purpose,
    seal: (plaintext, aad) => {
      const nonce = randomBytes(NONCE)
      const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(aad, 'utf8'))
      const ct = Buffer.concat([cipher.update(plaintext), cipher.final()])
      return Buffer.concat([Buffer.of(VERSION), nonce, ct, cipher.getAuthTag()])
    },
    open: (sealed, aad) => {
      const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
      if (buf.length < 1 + NONCE + TAG || buf[0] !== VERSION) return fail(KEYS.DATA_UNREADABLE)
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + NONCE), {
          authTagLength: TAG,
        })
          .setAAD(Buffer.from(aad, 'utf8'))
          .setAuthTag(buf.subarray(buf.length - TAG))
        return Buffer.concat([decipher.update(buf.subarray(1 + NONCE, buf.length - TAG)), decipher.final()])
      } catch {
        return fail(KEYS.DATA_UNREADABLE)
      }
    },
  }
}
