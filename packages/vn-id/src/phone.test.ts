import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DEFAULT_MOBILE_PREFIXES } from './mobile-prefixes.js'
import { parsePhone } from './phone.js'

const VINAPHONE = { e164: '+84912345678', national: '0912345678', carrier: 'VinaPhone' }

describe('parsePhone', () => {
  test.each([
    '0912345678',
    '+84912345678',
    '84912345678',
    '091 234 5678',
    '0912.345.678',
    '0912-345-678',
    '(+84) 912 345 678',
    '＋８４９１２３４５６７８',
  ])('accepts the written form %s', (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: VINAPHONE })
  })

  test('names the carrier from the DOMAIN §6.3 prefix table', () => {
    expect(parsePhone('0321234567')).toMatchObject({ value: { carrier: 'Viettel' } })
    expect(parsePhone('0701234567')).toMatchObject({ value: { carrier: 'MobiFone' } })
    expect(parsePhone('0521234567')).toMatchObject({ value: { carrier: 'Vietnamobile' } })
    expect(parsePhone('0991234567')).toMatchObject({ value: { carrier: 'Gmobile' } })
    expect(parsePhone('0871234567')).toMatchObject({ value: { carrier: 'iTel' } })
    expect(parsePhone('0551234567')).toMatchObject({ value: { carrier: 'Reddi' } })
  })

  test('the default table covers exactly the DOMAIN regex prefixes', () => {
    const regex = /^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])$/
    for (let n = 0; n < 100; n++) {
      const prefix = `0${String(n).padStart(2, '0')}`
      expect(prefix in DEFAULT_MOBILE_PREFIXES, prefix).toBe(regex.test(prefix))
    }
  })

  test('a prefix that is not a mobile network is rejected', () => {
    expect(parsePhone('0241234567')).toMatchObject({ ok: false, code: 'vn-id.PHONE_PREFIX' })
    expect(parsePhone('0311234567')).toMatchObject({ ok: false, code: 'vn-id.PHONE_PREFIX' })
  })

  test('the prefix table can be replaced when carriers change', () => {
    const table = { ...DEFAULT_MOBILE_PREFIXES, '024': 'Test fixed line' }
    expect(parsePhone('0241234567', table)).toMatchObject({ ok: true, value: { carrier: 'Test fixed line' } })
    expect(parsePhone('0551234567', { '091': 'VinaPhone' })).toMatchObject({ code: 'vn-id.PHONE_PREFIX' })
  })

  test('old 11-digit numbers are rejected with their own reason', () => {
    expect(parsePhone('01234567890')).toMatchObject({ ok: false, code: 'vn-id.PHONE_LEGACY_11_DIGIT' })
    expect(parsePhone('+841234567890')).toMatchObject({ ok: false, code: 'vn-id.PHONE_LEGACY_11_DIGIT' })
  })

  test('wrong lengths, characters and countries are rejected', () => {
    expect(parsePhone('091234567')).toMatchObject({ code: 'vn-id.PHONE_LENGTH' })
    expect(parsePhone('09123456789')).toMatchObject({ code: 'vn-id.PHONE_LENGTH' })
    expect(parsePhone('912345678')).toMatchObject({ code: 'vn-id.PHONE_LENGTH' })
    expect(parsePhone('+8491234567')).toMatchObject({ code: 'vn-id.PHONE_LENGTH' })
    expect(parsePhone('0912a45678')).toMatchObject({ code: 'vn-id.PHONE_CHARS' })
    expect(parsePhone('09+12345678')).toMatchObject({ code: 'vn-id.PHONE_CHARS' })
    expect(parsePhone('+14155550100')).toMatchObject({ code: 'vn-id.PHONE_COUNTRY_CODE' })
    expect(parsePhone(' - ')).toMatchObject({ code: 'vn-id.PHONE_EMPTY' })
  })

  test('normalisation is idempotent: both output forms parse to the same number (property)', () => {
    const prefixes = Object.keys(DEFAULT_MOBILE_PREFIXES)
    const written = fc
      .tuple(
        fc.constantFrom(...prefixes),
        fc.stringMatching(/^\d{7}$/),
        fc.constantFrom('0', '+84', '84', '+84 ', '(+84)'),
        fc.constantFrom('', ' ', '.', '-'),
      )
      .map(
        ([prefix, rest, lead, sep]) =>
          `${lead}${prefix.slice(1)}${sep}${rest.slice(0, 3)}${sep}${rest.slice(3)}`,
      )
    fc.assert(
      fc.property(written, (input) => {
        const first = parsePhone(input)
        if (!first.ok) throw new Error(`${input}: ${first.message}`)
        expect(parsePhone(first.value.e164)).toEqual(first)
        expect(parsePhone(first.value.national)).toEqual(first)
      }),
    )
  })
})
