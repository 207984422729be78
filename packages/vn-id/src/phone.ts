import { DEFAULT_MOBILE_PREFIXES, type MobilePrefixTable } from './mobile-prefixes.js'
import { fail, ok, type Result } from './result.js'

export type MobileNumber = { e164: string; national: string; carrier: string }

// People type numbers grouped with spaces, dots, dashes or "(+84)".
const SEPARATORS = /[\s.\-()]/g

// The 9 digits after the country code, or a failure saying why there are not 9.
const subscriberDigits = (compact: string): Result<string> => {
  if (compact.startsWith('+') && !compact.startsWith('+84')) return fail('vn-id.PHONE_COUNTRY_CODE', compact)
  const digits = compact.startsWith('+84') ? compact.slice(3) : compact
  const rest = compact.startsWith('+84')
    ? digits
    : digits.startsWith('0')
      ? digits.slice(1)
      : digits.startsWith('84') && digits.length >= 11
        ? digits.slice(2)
        : undefined
  if (rest === undefined) return fail('vn-id.PHONE_LENGTH', `${digits.length} digits`)
  if (rest.length === 10 && rest.startsWith('1')) return fail('vn-id.PHONE_LEGACY_11_DIGIT', `0${rest}`)
  if (rest.length !== 9) return fail('vn-id.PHONE_LENGTH', `${rest.length + 1} digits with the leading 0`)
  return ok(rest)
}

export const parsePhone = (
  input: string,
  prefixes: MobilePrefixTable = DEFAULT_MOBILE_PREFIXES,
): Result<MobileNumber> => {
  // NFKC turns full-width digits and "＋" from Asian keyboards into ASCII.
  const compact = input.normalize('NFKC').replace(SEPARATORS, '')
  if (compact === '') return fail('vn-id.PHONE_EMPTY')
  if (!/^\+?\d+$/.test(compact)) return fail('vn-id.PHONE_CHARS', `"${input}"`)
  const rest = subscriberDigits(compact)
  if (!rest.ok) return rest
  const national = `0${rest.value}`
  const carrier = prefixes[national.slice(0, 3)]
  if (carrier === undefined) return fail('vn-id.PHONE_PREFIX', national.slice(0, 3))
  return ok({ e164: `+84${rest.value}`, national, carrier })
}
