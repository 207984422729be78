import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type FrozenClock, frozenClock } from '../../platform/clock.js'
import { loadConfig } from '../../platform/config.js'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { type HolderKey, holderKey, proofFor } from './holder.test-support.js'
import {
  HOLDER_NONCE_TTL_MS,
  HOLDER_NONCES_PER_ACCOUNT,
  type HolderProofDeps,
  issueHolderNonce,
  verifyHolderProof,
} from './holder-proof.js'

let handle: TestDb
let clock: FrozenClock
let deps: HolderProofDeps
let key: HolderKey
const ACCOUNT = '0b9a4c2e-1f6d-4e8a-9c3b-5d7e2f1a8b64'
const OTHER_ACCOUNT = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'

beforeAll(async () => {
  handle = await openTestDb()
  clock = frozenClock()
  deps = {
    db: handle.db,
    clock,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }),
  }
  key = await holderKey()
}, 600_000)
afterAll(() => handle.close())

const aud = () => deps.config.publicUrl
const code = async (p: Promise<unknown>) => {
  try {
    await p
    return 'accepted'
  } catch (err) {
    return (err as { code?: string }).code ?? String(err)
  }
}
const freshProof = async (over: Parameters<typeof proofFor>[3] = {}, account = ACCOUNT) => {
  const { nonce } = await issueHolderNonce(deps, account)
  return proofFor(key, clock, { aud: aud(), nonce }, over)
}

describe('a proof of possession binds the credential to the key that signed it', () => {
  test('a good proof returns the public key from its header, and nothing private', async () => {
    const jwk = await verifyHolderProof(deps, ACCOUNT, await freshProof())
    expect(jwk).toEqual({ kty: 'EC', crv: 'P-256', x: key.publicJwk.x, y: key.publicJwk.y })
  })

  test('proof key != signing key: a header naming one key over another key’s signature is refused', async () => {
    const other = await holderKey()
    expect(
      await code(verifyHolderProof(deps, ACCOUNT, await freshProof({ signWith: other.privateJwk }))),
    ).toBe('credentials.PROOF_INVALID')
  })

  test('a private key in the header is refused (the phone must never send it)', async () => {
    const proof = await freshProof({ header: { jwk: key.privateJwk } })
    expect(await code(verifyHolderProof(deps, ACCOUNT, proof))).toBe('credentials.PROOF_INVALID')
  })

  test('a key other than P-256, a kid instead of a jwk, another typ or alg are refused', async () => {
    const cases = [
      { header: { jwk: { ...key.publicJwk, crv: 'P-384' } } },
      { header: { jwk: undefined, kid: 'device-1' } },
      { header: { typ: 'JWT' } },
    ]
    for (const over of cases)
      expect(await code(verifyHolderProof(deps, ACCOUNT, await freshProof(over))), JSON.stringify(over)).toBe(
        'credentials.PROOF_INVALID',
      )
    // alg none: an unsigned token carrying a valid nonce.
    const { nonce } = await issueHolderNonce(deps, ACCOUNT)
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
    const unsigned = `${b64({ alg: 'none', typ: 'openid4vci-proof+jwt', jwk: key.publicJwk })}.${b64({
      aud: aud(),
      iat: Math.floor(clock.now().getTime() / 1000),
      nonce,
    })}.`
    expect(await code(verifyHolderProof(deps, ACCOUNT, unsigned))).toBe('credentials.PROOF_INVALID')
    expect(await code(verifyHolderProof(deps, ACCOUNT, 'not.a-jws'))).toBe('credentials.PROOF_INVALID')
  })

  test('wrong aud: a proof made for another issuer is refused', async () => {
    const { nonce } = await issueHolderNonce(deps, ACCOUNT)
    const proof = await proofFor(key, clock, { aud: 'https://other-issuer.example', nonce })
    expect(await code(verifyHolderProof(deps, ACCOUNT, proof))).toBe('credentials.PROOF_INVALID')
  })

  test('iat outside the window: older than the nonce lifetime, or more than a minute ahead', async () => {
    const now = Math.floor(clock.now().getTime() / 1000)
    const old = await freshProof({ iat: now - HOLDER_NONCE_TTL_MS / 1000 - 1 })
    expect(await code(verifyHolderProof(deps, ACCOUNT, old))).toBe('credentials.PROOF_INVALID')
    const ahead = await freshProof({ iat: now + 61 })
    expect(await code(verifyHolderProof(deps, ACCOUNT, ahead))).toBe('credentials.PROOF_INVALID')
    const slightlyAhead = await freshProof({ iat: now + 30 })
    expect(await code(verifyHolderProof(deps, ACCOUNT, slightlyAhead))).toBe('accepted')
  })
})

describe('the nonce is single use, bound to the account, valid five minutes', () => {
  test('proof replay: the same proof (same nonce) twice is refused the second time', async () => {
    const proof = await freshProof()
    expect(await code(verifyHolderProof(deps, ACCOUNT, proof))).toBe('accepted')
    expect(await code(verifyHolderProof(deps, ACCOUNT, proof))).toBe('credentials.NONCE_INVALID')
  })

  test('two requests racing with one nonce: exactly one wins', async () => {
    const proof = await freshProof()
    const results = await Promise.all([1, 2, 3].map(() => code(verifyHolderProof(deps, ACCOUNT, proof))))
    expect(results.sort()).toEqual(['accepted', 'credentials.NONCE_INVALID', 'credentials.NONCE_INVALID'])
  })

  test('expired nonce: a proof presented after five minutes is refused', async () => {
    const { nonce, expiresAt } = await issueHolderNonce(deps, ACCOUNT)
    expect(expiresAt.getTime() - clock.now().getTime()).toBe(HOLDER_NONCE_TTL_MS)
    clock.advance(HOLDER_NONCE_TTL_MS)
    // Signed just now, so only the nonce is stale.
    const proof = await proofFor(key, clock, { aud: aud(), nonce })
    expect(await code(verifyHolderProof(deps, ACCOUNT, proof))).toBe('credentials.NONCE_INVALID')
  })

  test("another account's nonce, an unknown nonce or none at all are refused", async () => {
    const theirs = await freshProof({}, OTHER_ACCOUNT)
    expect(await code(verifyHolderProof(deps, ACCOUNT, theirs))).toBe('credentials.NONCE_INVALID')
    // The other account can still use it: a failed attempt by someone else does not burn it.
    expect(await code(verifyHolderProof(deps, OTHER_ACCOUNT, theirs))).toBe('accepted')
    const made = await proofFor(key, clock, { aud: aud(), nonce: 'never-issued' })
    expect(await code(verifyHolderProof(deps, ACCOUNT, made))).toBe('credentials.NONCE_INVALID')
    const none = await proofFor(key, clock, { aud: aud(), nonce: undefined })
    expect(await code(verifyHolderProof(deps, ACCOUNT, none))).toBe('credentials.NONCE_INVALID')
  })

  test('a forged proof does not use up the nonce it carries', async () => {
    const { nonce } = await issueHolderNonce(deps, ACCOUNT)
    const forged = await proofFor(
      key,
      clock,
      { aud: aud(), nonce },
      { signWith: (await holderKey()).privateJwk },
    )
    expect(await code(verifyHolderProof(deps, ACCOUNT, forged))).toBe('credentials.PROOF_INVALID')
    expect(
      await code(verifyHolderProof(deps, ACCOUNT, await proofFor(key, clock, { aud: aud(), nonce }))),
    ).toBe('accepted')
  })

  test('only the nonce itself is stored hashed; expired nonces are cleaned; an account keeps at most ten', async () => {
    const { nonce } = await issueHolderNonce(deps, ACCOUNT)
    const rows = await handle.db.selectFrom('credentials_holder_nonce').selectAll().execute()
    expect(rows.some((r) => r.nonce_hash === nonce)).toBe(false)
    clock.advance(HOLDER_NONCE_TTL_MS + 1)
    for (let i = 0; i < HOLDER_NONCES_PER_ACCOUNT + 5; i++) {
      clock.advance(1)
      await issueHolderNonce(deps, ACCOUNT)
    }
    const left = await handle.db.selectFrom('credentials_holder_nonce').selectAll().execute()
    expect(left.filter((r) => r.expires_at <= clock.now())).toEqual([])
    expect(left.filter((r) => r.account_id === ACCOUNT)).toHaveLength(HOLDER_NONCES_PER_ACCOUNT)
  })
})
