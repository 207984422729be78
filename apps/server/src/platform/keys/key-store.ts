import { hkdfSync } from 'node:crypto'
import { type CryptoKey, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import type { Deps } from '../../deps.js'
import { fail } from '../errors.js'
import { openWithKek, sealWithKek } from './kek.js'
import { KEYS } from './keys.errors.js'
import {
  findActiveKey,
  insertSigningKey,
  lockSigningKeys,
  publishedKeyRows,
  publishedKeys,
  retireKey,
} from './keys.repository.js'
import type { KeyStatus, NewSigningKeyRow, PublicJwk } from './keys.table.js'

export type Signer = { kid: string; alg: 'ES256'; key: CryptoKey }
export type Jwks = { keys: PublicJwk[] }

export type KeyStoreOptions = {
  /** How long a retired key stays in the JWKS: at least the longest lifetime of anything it signed. */
  retentionMs?: number
  /** How often an instance re-reads which key is active, to follow a rotation done elsewhere. */
  refreshMs?: number
}

export type KeyStore = {
  /** At startup: creates the first key if there is none, and proves the KEK opens the active one. */
  ensureActiveKey(): Promise<{ kid: string; created: boolean }>
  /** A new active key; the old one is retired but stays published for `retentionMs`. */
  rotateKeys(): Promise<{ kid: string; retired: string | null }>
  getSigner(): Promise<Signer>
  jwks(): Promise<Jwks>
  /** The published keys' private JWKs, active first, for a signer that needs them so (the OpenID provider). */
  privateJwks(): Promise<Array<{ kid: string; status: KeyStatus; jwk: JWK }>>
  /** A 32-byte secret for one purpose (HKDF of the KEK): the same on every instance, never stored. */
  deriveSecret(purpose: string): Buffer
}

const DAY = 86_400_000

const newKeyRow = async (kek: Buffer, now: Date): Promise<NewSigningKeyRow> => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  const pub = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(pub, 'sha256')
  const publicJwk: PublicJwk = {
    kty: String(pub.kty),
    crv: String(pub.crv),
    x: String(pub.x),
    y: String(pub.y),
    kid,
    alg: 'ES256',
    use: 'sig',
  }
  const sealed = sealWithKek(kek, JSON.stringify(await exportJWK(privateKey)), kid)
  return {
    kid,
    alg: 'ES256',
    use: 'sig',
    status: 'active',
    public_jwk: JSON.stringify(publicJwk),
    private_jwk_enc: sealed,
    created_at: now,
    activated_at: now,
  }
}

export const createKeyStore = (
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  kek: Buffer,
  opts: KeyStoreOptions = {},
): KeyStore => {
  const retentionMs = opts.retentionMs ?? 90 * DAY
  const refreshMs = opts.refreshMs ?? 60_000
  let cached: { signer: Signer; checkedAt: number } | undefined

  // Decrypted once per key and kept in memory as a non-extractable CryptoKey.
  const loadSigner = async (): Promise<Signer> => {
    const row = (await findActiveKey(deps.db)) ?? fail(KEYS.NO_ACTIVE_KEY)
    if (cached?.signer.kid === row.kid) return cached.signer
    const jwk = JSON.parse(openWithKek(kek, row.private_jwk_enc, row.kid)) as JWK
    const key = (await importJWK(jwk, 'ES256', { extractable: false })) as CryptoKey
    return { kid: row.kid, alg: 'ES256', key }
  }

  const getSigner = async () => {
    const now = deps.clock.now().getTime()
    if (cached && now - cached.checkedAt < refreshMs) return cached.signer
    const signer = await loadSigner()
    cached = { signer, checkedAt: now }
    return signer
  }

  const ensureActiveKey = async () => {
    const result = await deps.db.transaction().execute(async (trx) => {
      // Two instances starting together: the second waits here and then finds the first one's key.
      await lockSigningKeys(trx)
      const active = await findActiveKey(trx)
      if (active) return { kid: active.kid, created: false }
      const row = await newKeyRow(kek, deps.clock.now())
      await insertSigningKey(trx, row)
      return { kid: row.kid, created: true }
    })
    cached = undefined
    await getSigner()
    if (result.created) deps.log.info({ kid: result.kid }, 'created the first signing key')
    return result
  }

  const rotateKeys = async () => {
    const result = await deps.db.transaction().execute(async (trx) => {
      await lockSigningKeys(trx)
      const now = deps.clock.now()
      const old = await findActiveKey(trx)
      if (old) await retireKey(trx, old.kid, now)
      const row = await newKeyRow(kek, now)
      await insertSigningKey(trx, row)
      return { kid: row.kid, retired: old?.kid ?? null }
    })
    cached = undefined
    deps.log.info(result, 'rotated the signing key')
    return result
  }

  const jwks = async (): Promise<Jwks> => {
    const since = new Date(deps.clock.now().getTime() - retentionMs)
    return { keys: (await publishedKeys(deps.db, since)).map((r) => r.public_jwk) }
  }

  const privateJwks = async () => {
    const since = new Date(deps.clock.now().getTime() - retentionMs)
    return (await publishedKeyRows(deps.db, since)).map((r) => ({
      kid: r.kid,
      status: r.status,
      jwk: { ...(JSON.parse(openWithKek(kek, r.private_jwk_enc, r.kid)) as JWK), kid: r.kid },
    }))
  }

  const deriveSecret = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', kek, 'dinhdanh', `secret/${purpose}/v1`, 32))

  return { ensureActiveKey, rotateKeys, getSigner, jwks, privateJwks, deriveSecret }
}
