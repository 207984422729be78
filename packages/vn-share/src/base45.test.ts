import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { base45Decode, base45Encode } from './base45.js'

const text = (s: string) => new TextEncoder().encode(s)

describe('base45 (RFC 9285)', () => {
  test('the RFC examples encode and decode', () => {
    expect(base45Encode(text('AB'))).toBe('BB8')
    expect(base45Encode(text('Hello!!'))).toBe('%69 VD92EX0')
    expect(base45Encode(text('base-45'))).toBe('UJCLQE7W581')
    expect(new TextDecoder().decode(base45Decode('QED8WEX0') ?? new Uint8Array())).toBe('ietf!')
  })

  test('invalid text is refused, never guessed: lower case, foreign characters, a group over 65535, a lone character', () => {
    for (const bad of ['qed8wex0', 'QED8WEX0!', 'GGW', 'A', 'AB#', 'ÄB8'])
      expect(base45Decode(bad)).toBeNull()
  })

  test('any bytes round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base45Decode(base45Encode(bytes))).toEqual(bytes)
      }),
    )
  })
})
