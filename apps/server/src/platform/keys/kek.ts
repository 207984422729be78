import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { Config } from '../config.js'
import { fail } from '../errors.js'
import { KEYS } from './keys.errors.js'

const B64URL_32 = /^[A-Za-z0-9_-]{43}$/

const parseKek = (text: string, source: string): Buffer => {
  const trimmed = text.trim()
  const kek = B64URL_32.test(trimmed) ? Buffer.from(trimmed, 'base64url') : undefined
  return kek?.length === 32 ? kek : fail(KEYS.KEK_INVALID, `${KEYS.KEK_INVALID.message} (from ${source})`)
}

/** A fresh KEK in the form KEK and KEK_FILE expect. */
export const generateKek = () => randomBytes(32).toString('base64url')

/**
 * The key-encryption key: KEK, else the file KEK_FILE, else (development only) `${DATA_DIR}/kek`,
 * generated with mode 0600 on first start.
 */
export const loadKek = (config: Config, log: Logger): Buffer => {
  if (config.KEK) return parseKek(config.KEK, 'KEK')
  if (config.KEK_FILE) return parseKek(readFileSync(config.KEK_FILE, 'utf8'), config.KEK_FILE)
  if (config.NODE_ENV !== 'development') return fail(KEYS.KEK_MISSING)
  const path = join(config.DATA_DIR, 'kek')
  if (!existsSync(path)) {
    mkdirSync(config.DATA_DIR, { recursive: true })
    // 'wx' fails if another process created it first; then we read theirs.
    try {
      writeFileSync(path, `${generateKek()}\n`, { mode: 0o600, flag: 'wx' })
      log.warn(
        { path },
        'generated a development key-encryption key next to the data; set KEK or KEK_FILE for real use',
      )
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e
    }
  }
  return parseKek(readFileSync(path, 'utf8'), path)
}

const b64 = (b: Buffer) => b.toString('base64url')

/** AES-256-GCM with a random 96-bit nonce; `aad` binds the ciphertext to its row (the kid). */
export const sealWithKek = (kek: Buffer, plaintext: string, aad: string): string => {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek, nonce).setAAD(Buffer.from(aad, 'utf8'))
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return `v1.${b64(nonce)}.${b64(ct)}.${b64(cipher.getAuthTag())}`
}

/** Fails with keys.KEK_MISMATCH when the tag does not verify: a wrong KEK never yields garbage. */
export const openWithKek = (kek: Buffer, sealed: string, aad: string): string => {
  const [version, nonce, ct, tag] = sealed.split('.')
  if (version !== 'v1' || !nonce || ct === undefined || !tag)
    return fail(KEYS.KEK_MISMATCH, 'Unreadable sealed key')
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(nonce, 'base64url'), {
      authTagLength: 16,
    })
      .setAAD(Buffer.from(aad, 'utf8'))
      .setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return fail(KEYS.KEK_MISMATCH)
  }
}
