import { normalizePhone } from './citizenFields'

// The same rules as the server's policy module (policy.credentials.ts), for live hints: the server decides.
export type PasswordRule = 'length' | 'digit' | 'upper' | 'lower' | 'special' | 'noIdNumber' | 'noPhone'
export const PASSWORD_RULES: readonly PasswordRule[] = [
  'length',
  'digit',
  'upper',
  'lower',
  'special',
  'noIdNumber',
  'noPhone',
]

const digitsOf = (s: string) => s.replace(/\D/g, '')
// The nine subscriber digits after 0 / +84, so 0912345678 and +84912345678 are both caught.
const subscriberDigits = (phone: string) => digitsOf(normalizePhone(phone)).replace(/^(84|0)/, '')

/** Which password rules hold for `password` (true = satisfied). */
export const passwordRules = (
  password: string,
  context: { personalId: string; phone: string },
): Record<PasswordRule, boolean> => {
  const pw = password.normalize('NFC')
  const length = [...pw].length
  const digits = digitsOf(pw)
  const id = digitsOf(context.personalId)
  const phone = subscriberDigits(context.phone)
  return {
    length: length >= 8 && length <= 20,
    digit: /\p{Nd}/u.test(pw),
    upper: /\p{Lu}/u.test(pw),
    lower: /\p{Ll}/u.test(pw),
    special: /[\p{P}\p{S}]/u.test(pw),
    noIdNumber: id.length === 0 || !digits.includes(id),
    noPhone: phone.length === 0 || !digits.includes(phone),
  }
}

export type PasscodeRule = 'format' | 'notRepeated' | 'notRun'
export const PASSCODE_RULES: readonly PasscodeRule[] = ['format', 'notRepeated', 'notRun']

// Each step is +1 (or −1) modulo 10, so 123456, 654321 and the wrapping 890123 are all runs.
const isRun = (code: string, step: 1 | -1) =>
  [...code].every((c, i) => i === 0 || (Number(c) - Number(code[i - 1]) + 10) % 10 === (step + 10) % 10)

export const passcodeRules = (code: string): Record<PasscodeRule, boolean> => {
  const format = /^[0-9]{6}$/.test(code)
  return {
    format,
    notRepeated: format && !/^(\d)\1{5}$/.test(code),
    notRun: format && !isRun(code, 1) && !isRun(code, -1),
  }
}

export const allHold = (rules: Record<string, boolean>) => Object.values(rules).every(Boolean)
