// Client-side shape checks of what a citizen types; the server checks again and decides.

export const normalizePersonalId = (value: string) => value.replace(/[\s.-]/g, '')
export const isPersonalId = (value: string) => /^\d{12}$/.test(value)
// A foreigner's ID number (the username of a foreigner's account): NN and 10 digits.
export const isForeignerId = (value: string) => /^NN\d{10}$/.test(value)
/** A username as typed: separators dropped, letters in capitals (a foreigner may type 'nn…'). */
export const normalizeUsername = (value: string) => normalizePersonalId(value).toUpperCase()
export const isUsername = (value: string) => isPersonalId(value) || isForeignerId(value)

/** Passport and residence card numbers as the immigration data writes them: capitals, no separators. */
export const normalizeDocumentNumber = (value: string) => value.replace(/[\s.-]/g, '').toUpperCase()
export const isPassportNumber = (value: string) => /^[A-Z0-9]{6,12}$/.test(value)
export const isResidenceCardNumber = (value: string) => /^[A-Z0-9]{6,20}$/.test(value)

/** Spaces, dots, dashes and brackets are separators people type in phone numbers. */
export const normalizePhone = (value: string) => value.replace(/[\s.()-]/g, '')
// Vietnamese mobile numbers: 0 or +84 / 84, then a 3/5/7/8/9 prefix and 8 more digits.
export const isMobilePhone = (value: string) => /^(0|\+?84)[35789]\d{8}$/.test(value)

export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A date of birth typed as dd/mm/yyyy (or d-m-yyyy, d.m.yyyy, ddmmyyyy) as 'YYYY-MM-DD', or null
 * when it is not a real date between 1900 and today.
 */
export const parseBirthDate = (value: string, today = new Date()): string | null => {
  const text = value.trim()
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text)
  if (!m) return null
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  const iso = `${year}-${pad(month)}-${pad(day)}`
  const todayIso = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`
  return year >= 1900 && iso <= todayIso ? iso : null
}

/** 'YYYY-MM-DD' as dd/mm/yyyy, the way dates are written in Vietnam (and on the card). */
export const formatIsoDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}
