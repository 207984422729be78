// Vietnamese mobile numbers (DOMAIN §6.3): 0 + 9 digits with a mobile prefix, or +84 / 84 instead of the 0.
const MOBILE = /^0(3|5|7|8|9)\d{8}$/

/** The number as the server takes it (0xxxxxxxxx), or null when it is not a Vietnamese mobile number. */
export const normalizeMobile = (input: string): string | null => {
  const digits = input.replace(/[\s.()-]/g, '')
  const local = digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : digits.startsWith('84') && digits.length === 11
      ? `0${digits.slice(2)}`
      : digits
  return MOBILE.test(local) ? local : null
}

export const isEmail = (input: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input)
