import { parsePhone } from '@dinhdanh/vn-id'
import { ruleFailure as failure, type RuleFailure } from './policy.messages.js'

// The VNeID app's rules (Hà Nam Project 06 guide; Kon Tum police), not in any decree (DOMAIN §2.3).
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 20
export const PASSCODE_LENGTH = 6

export type PasswordContext = {
  /** The holder's 12-digit personal ID number (the username): refused inside the password. */
  personalIdNumber?: string
  /** The holder's phone number in any accepted form: its subscriber digits are refused inside the password. */
  phone?: string
}

const digitsOf = (s: string) => s.replace(/\D/g, '')

// The nine subscriber digits after 0 / +84, so 0912345678, +84912345678 and 912345678 are all caught.
const subscriberDigits = (phone: string): string => {
  const parsed = parsePhone(phone)
  return parsed.ok ? parsed.value.national.slice(1) : digitsOf(phone).replace(/^(84|0)/, '')
}

/**
 * Which password rules `password` breaks (empty when it is acceptable). Length counts characters
 * (code points) of the NFC form; upper and lower case are Unicode letters, so 'Ư' and 'ư' count; a
 * special character is punctuation or a symbol; control characters are refused. The identity checks
 * compare digits only, so separators ('079-095-001234') do not hide the number.
 */
export const checkPassword = (password: string, context: PasswordContext = {}): RuleFailure[] => {
  const pw = password.normalize('NFC')
  const length = [...pw].length
  const out: RuleFailure[] = []
  if (length < PASSWORD_MIN_LENGTH) out.push(failure('policy.PASSWORD_TOO_SHORT'))
  if (length > PASSWORD_MAX_LENGTH) out.push(failure('policy.PASSWORD_TOO_LONG'))
  if (!/\p{Nd}/u.test(pw)) out.push(failure('policy.PASSWORD_NO_DIGIT'))
  if (!/\p{Lu}/u.test(pw)) out.push(failure('policy.PASSWORD_NO_UPPERCASE'))
  if (!/\p{Ll}/u.test(pw)) out.push(failure('policy.PASSWORD_NO_LOWERCASE'))
  if (!/[\p{P}\p{S}]/u.test(pw)) out.push(failure('policy.PASSWORD_NO_SPECIAL'))
  if (/\p{Cc}/u.test(pw)) out.push(failure('policy.PASSWORD_CONTROL_CHARACTER'))
  const digits = digitsOf(pw)
  const id = digitsOf(context.personalIdNumber ?? '')
  if (id.length > 0 && digits.includes(id)) out.push(failure('policy.PASSWORD_CONTAINS_ID_NUMBER'))
  const phone = context.phone ? subscriberDigits(context.phone) : ''
  if (phone.length > 0 && digits.includes(phone)) out.push(failure('policy.PASSWORD_CONTAINS_PHONE'))
  return out
}

export type PasscodeContext = {
  /** 'YYYY-MM-DD'; refused as DDMMYY or YYMMDD. A partial date is ignored. */
  dateOfBirth?: string
}

// Each step is +1 (or −1) modulo 10, so 123456, 654321 and the wrapping 890123 are all runs.
const isRun = (code: string, step: 1 | -1): boolean =>
  [...code].every((c, i) => i === 0 || (Number(c) - Number(code[i - 1]) + 10) % 10 === (step + 10) % 10)

const birthDateForms = (dob: string | undefined): string[] => {
  const m = dob ? /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(dob) : null
  if (!m) return []
  const [, yy, mm, dd] = m
  return [`${dd}${mm}${yy}`, `${yy}${mm}${dd}`]
}

/** Which passcode rules `code` breaks: six ASCII digits, not one repeated digit, not a run, not the birth date. */
export const checkPasscode = (code: string, context: PasscodeContext = {}): RuleFailure[] => {
  if (!/^[0-9]{6}$/.test(code)) return [failure('policy.PASSCODE_FORMAT')]
  const out: RuleFailure[] = []
  if (/^(\d)\1{5}$/.test(code)) out.push(failure('policy.PASSCODE_REPEATED_DIGIT'))
  if (isRun(code, 1) || isRun(code, -1)) out.push(failure('policy.PASSCODE_SEQUENCE'))
  if (birthDateForms(context.dateOfBirth).includes(code)) out.push(failure('policy.PASSCODE_BIRTH_DATE'))
  return out
}
