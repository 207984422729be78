import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createDataSealer } from './data-sealer.js'

const kek = randomBytes(32)
const templates = createDataSealer(kek, 'biometric-template')

describe('data at rest', () => {
  test('sealed data opens with the same key and row binding', () => {
    const plain = randomBytes(1024)
    const sealed = templates.seal(plain, '079095001234/face/0')
    expect(sealed.includes(plain.subarray(0, 32))).toBe(false)
    expect(templates.open(sealed, '079095001234/face/0')).toEqual(plain)
  })

  test('a ciphertext moved to another row does not open (templates cannot be swapped between people)', () => {
    const sealed = templates.seal(Buffer.from('template'), '079095001234/face/0')
    expect(() => templates.open(sealed, '001190012345/face/0')).toThrow(
      expect.objectContaining({ code: 'keys.DATA_UNREADABLE' }),
    )
  })

  test('one flipped bit is detected', () => {
    const sealed = templates.seal(Buffer.from('template'), 'row')
    sealed[20] = (sealed[20] ?? 0) ^ 1
    expect(() => templates.open(sealed, 'row')).toThrow(
      expect.objectContaining({ code: 'keys.DATA_UNREADABLE' }),
    )
  })

  test('each purpose has its own key, and another KEK opens nothing', () => {
    const sealed = templates.seal(Buffer.from('template'), 'row')
    expect(() => createDataSealer(kek, 'portrait').open(sealed, 'row')).toThrow()
    expect(() => createDataSealer(randomBytes(32), 'biometric-template').open(sealed, 'row')).toThrow()
  })

  test('truncated or foreign bytes are refused with a code, never a crash', () => {
    for (const junk of [Buffer.alloc(0), Buffer.of(1, 2, 3), Buffer.alloc(40, 9)]) {
      expect(() => templates.open(junk, 'row')).toThrow(
        expect.objectContaining({ code: 'keys.DATA_UNREADABLE' }),
      )
    }
  })
})
