import { describe, expect, test } from 'vitest'
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, timeStepOf, totpAt } from './totp.js'

// RFC 6238 Appendix B, SHA-1 rows: the seed is the ASCII string "12345678901234567890".
const SEED = Buffer.from('12345678901234567890', 'ascii')
const VECTORS: Array<[seconds: number, code: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
]

describe('TOTP follows RFC 6238', () => {
  test.each(VECTORS)('at %i seconds the 8-digit code is %s', (seconds, code) => {
    expect(totpAt(SEED, new Date(seconds * 1000), 8)).toBe(code)
  })

  test.each(VECTORS)('at %i seconds the 6-digit code is the last six digits of %s', (seconds, code) => {
    expect(totpAt(SEED, new Date(seconds * 1000))).toBe(code.slice(2))
  })

  test('RFC 4226 Appendix D: HOTP counters 0 and 9', () => {
    expect(hotp(SEED, 0)).toBe('755224')
    expect(hotp(SEED, 9)).toBe('520489')
  })

  test('a code is accepted one step either side of now, and no further', () => {
    const at = new Date(1111111111 * 1000)
    const step = timeStepOf(at)
    expect(matchTotp(SEED, hotp(SEED, step - 1), at)).toBe(step - 1)
    expect(matchTotp(SEED, hotp(SEED, step + 1), at)).toBe(step + 1)
    expect(matchTotp(SEED, hotp(SEED, step - 2), at)).toBeNull()
    expect(matchTotp(SEED, hotp(SEED, step + 2), at)).toBeNull()
    expect(matchTotp(SEED, 'abcdef', at)).toBeNull()
  })

  test('the otpauth URI carries the base32 secret and the issuer dinhdanh', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI')
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar')
    const uri = new URL(otpauthUri('dinhdanh', 'CB-0042', SEED))
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.href.startsWith('otpauth://totp/dinhdanh:CB-0042?')).toBe(true)
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: base32Encode(SEED),
      issuer: 'dinhdanh',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    })
  })
})
