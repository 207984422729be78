import { describe, expect, test } from 'vitest'
import {
  ARGON2_PARAMS,
  DUMMY_HASH,
  hashAnswer,
  hashSecret,
  needsRehash,
  normaliseAnswer,
  parsePhc,
  verifyAnswer,
  verifySecret,
  verifyUnknown,
} from './authn.password.js'

describe('passwords, passcodes and security answers', () => {
  test('hashes are Argon2id with m=19456 KiB, t=2, p=1 and a 16-byte salt (parsed from the PHC string)', async () => {
    const phc = await hashSecret('mật khẩu đủ dài 2026')
    expect(parsePhc(phc)).toEqual({ algorithm: 'argon2id', version: 19, m: 19456, t: 2, p: 1 })
    const salt = phc.split('$')[4] ?? ''
    expect(Buffer.from(salt, 'base64').length).toBe(16)
    expect(ARGON2_PARAMS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 })
  })

  test('the right secret verifies, a wrong one does not, and the same secret hashes differently each time', async () => {
    const a = await hashSecret('123456')
    const b = await hashSecret('123456')
    expect(a).not.toBe(b)
    expect(await verifySecret(a, '123456')).toBe(true)
    expect(await verifySecret(b, '123456')).toBe(true)
    expect(await verifySecret(a, '123457')).toBe(false)
  })

  test('a malformed stored hash never verifies and never throws', async () => {
    expect(await verifySecret('', 'x')).toBe(false)
    expect(await verifySecret('plain-text-password', 'plain-text-password')).toBe(false)
    expect(await verifySecret('$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$', 'x')).toBe(false)
  })

  test('a hash with other parameters or another variant needs rehashing', async () => {
    expect(needsRehash(await hashSecret('x'))).toBe(false)
    expect(needsRehash('$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA')).toBe(true)
    expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA')).toBe(true)
    expect(needsRehash('$2b$12$abcdefghijklmnopqrstuv')).toBe(true)
  })

  test('an unknown account costs a real verification: no timing tells that it does not exist', async () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false)
    const real = await hashSecret('correct horse')
    const time = async (f: () => Promise<unknown>) => {
      const t0 = performance.now()
      await f()
      return performance.now() - t0
    }
    await verifyUnknown('warm-up')
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 5; i++) {
      known.push(await time(() => verifySecret(real, 'wrong guess')))
      unknown.push(await time(() => verifyUnknown('wrong guess')))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2] ?? 0
    expect(await verifyUnknown('correct horse')).toBe(false)
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5)
    expect(median(unknown)).toBeLessThan(median(known) * 2)
  })

  test('security answers match whatever the Unicode form, case and spacing', async () => {
    const decomposed = '  Nguye\u0302\u0303n   VA\u0306N  An '
    expect(normaliseAnswer(decomposed)).toBe('nguyễn văn an')
    const phc = await hashAnswer('Nguyễn Văn An')
    expect(await verifyAnswer(phc, decomposed)).toBe(true)
    expect(await verifyAnswer(phc, 'nguyen van an')).toBe(false)
  })
})
