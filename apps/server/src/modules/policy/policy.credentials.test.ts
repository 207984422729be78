import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkPasscode, checkPassword } from './policy.credentials.js'
import { CREDENTIAL_MESSAGES } from './policy.messages.js'

const codes = (failures: { code: string }[]) => failures.map((f) => f.code)

describe('password rules (VNeID app: 8–20 characters, digit, upper, lower, special)', () => {
  test('a password meeting every rule passes', () => {
    expect(checkPassword('Hanoi@2026')).toEqual([])
    expect(checkPassword('Ưu-tiên#1')).toEqual([]) // Vietnamese capitals and lower case count
  })

  test('7 characters is too short, 8 is enough; 20 is the most, 21 too long', () => {
    expect(codes(checkPassword('Ab1!xyz'))).toEqual(['policy.PASSWORD_TOO_SHORT'])
    expect(checkPassword('Ab1!xyzw')).toEqual([])
    expect(checkPassword(`Ab1!${'x'.repeat(16)}`)).toEqual([])
    expect(codes(checkPassword(`Ab1!${'x'.repeat(17)}`))).toEqual(['policy.PASSWORD_TOO_LONG'])
  })

  test('length counts characters, not UTF-16 units or decomposed accents', () => {
    expect(checkPassword('Ab1!😀😀😀😀')).toEqual([]) // 8 characters, 12 UTF-16 units
    expect(checkPassword('Ab1!ê'.normalize('NFD').padEnd(9, 'e'))).toEqual([]) // 'ê' decomposed still counts once
  })

  test('each missing character class is reported with its own code', () => {
    expect(codes(checkPassword('abcdefgh'))).toEqual([
      'policy.PASSWORD_NO_DIGIT',
      'policy.PASSWORD_NO_UPPERCASE',
      'policy.PASSWORD_NO_SPECIAL',
    ])
    expect(codes(checkPassword('ABCDEFG1!'))).toEqual(['policy.PASSWORD_NO_LOWERCASE'])
    expect(codes(checkPassword('Abcdefg1 '))).toEqual(['policy.PASSWORD_NO_SPECIAL']) // a space is not special
  })

  test('control characters are refused', () => {
    expect(codes(checkPassword('Abcd1!\u0007x'))).toEqual(['policy.PASSWORD_CONTROL_CHARACTER'])
  })

  test('a password containing the personal ID number is refused, even split by separators', () => {
    const personalIdNumber = '079095001234'
    expect(codes(checkPassword('A!079095001234a', { personalIdNumber }))).toEqual([
      'policy.PASSWORD_CONTAINS_ID_NUMBER',
    ])
    expect(codes(checkPassword('A!079-095-001234a', { personalIdNumber }))).toEqual([
      'policy.PASSWORD_CONTAINS_ID_NUMBER',
    ])
    expect(checkPassword('Hanoi@2026', { personalIdNumber })).toEqual([])
  })

  test('a password containing the phone number is refused in any of its forms', () => {
    for (const phone of ['0912345678', '+84 912 345 678']) {
      expect(codes(checkPassword('Xy!0912345678', { phone }))).toEqual(['policy.PASSWORD_CONTAINS_PHONE'])
      expect(codes(checkPassword('Xy!84912345678', { phone }))).toEqual(['policy.PASSWORD_CONTAINS_PHONE'])
    }
    expect(checkPassword('Hanoi@2026', { phone: '0912345678' })).toEqual([])
  })

  test('every failure carries Vietnamese and English text', () => {
    for (const f of checkPassword('')) {
      expect(f.vi).toBe(CREDENTIAL_MESSAGES[f.code].vi)
      expect(f.en.length).toBeGreaterThan(0)
    }
  })

  test('property: whatever the input, codes come from the catalogue and an accepted password has 8–20 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (pw) => {
        const failures = checkPassword(pw)
        for (const f of failures) expect(CREDENTIAL_MESSAGES).toHaveProperty([f.code])
        if (failures.length === 0) {
          const n = [...pw.normalize('NFC')].length
          expect(n >= 8 && n <= 20).toBe(true)
        }
      }),
    )
  })
})

describe('passcode rules (6 digits, not trivial)', () => {
  test('six digits that are not trivial pass', () => {
    expect(checkPasscode('271828')).toEqual([])
  })

  test('anything but exactly six ASCII digits is refused', () => {
    for (const code of ['12345', '1234567', '12a456', '１２３４５６', ' 27182']) {
      expect(codes(checkPasscode(code))).toEqual(['policy.PASSCODE_FORMAT'])
    }
  })

  test('one digit six times is refused', () => {
    expect(codes(checkPasscode('000000'))).toEqual(['policy.PASSCODE_REPEATED_DIGIT'])
    expect(codes(checkPasscode('777777'))).toEqual(['policy.PASSCODE_REPEATED_DIGIT'])
  })

  test('ascending and descending runs are refused, including ones that wrap past 9', () => {
    for (const code of ['123456', '012345', '456789', '654321', '987654', '890123', '210987']) {
      expect(codes(checkPasscode(code))).toEqual(['policy.PASSCODE_SEQUENCE'])
    }
    expect(checkPasscode('123457')).toEqual([])
  })

  test('the date of birth as DDMMYY (or YYMMDD) is refused when known', () => {
    expect(codes(checkPasscode('150395', { dateOfBirth: '1995-03-15' }))).toEqual([
      'policy.PASSCODE_BIRTH_DATE',
    ])
    expect(codes(checkPasscode('950315', { dateOfBirth: '1995-03-15' }))).toEqual([
      'policy.PASSCODE_BIRTH_DATE',
    ])
    expect(checkPasscode('150395')).toEqual([])
    expect(checkPasscode('150395', { dateOfBirth: '1995' })).toEqual([])
  })

  test('property: an accepted passcode is six digits, not one repeated digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{6}$/), (code) => {
        if (checkPasscode(code).length === 0) expect(new Set(code).size).toBeGreaterThan(1)
      }),
    )
  })
})
