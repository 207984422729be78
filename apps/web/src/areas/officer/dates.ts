// Registry dates are often partial: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const validDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const validYear = (y: number) => y >= 1850 && y <= new Date().getFullYear()

type Parts = { y: number; m?: number; d?: number }
type Groups = readonly (string | undefined)[]

const DOB_PATTERNS: readonly (readonly [RegExp, (g: Groups) => Parts])[] = [
  [/^(\d{4})$/, (g) => ({ y: Number(g[1]) })],
  [/^(\d{1,2})[/.-](\d{4})$/, (g) => ({ y: Number(g[2]), m: Number(g[1]) })],
  [/^(\d{4})-(\d{1,2})$/, (g) => ({ y: Number(g[1]), m: Number(g[2]) })],
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, (g) => ({ y: Number(g[3]), m: Number(g[2]), d: Number(g[1]) })],
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (g) => ({ y: Number(g[1]), m: Number(g[2]), d: Number(g[3]) })],
]

/**
 * Parses what an officer types as a date of birth into the API's `dob` format.
 * Accepts 1990, 03/1990, 15/03/1990 (also with - or .), 1990-03 and 1990-03-15. Returns null when invalid.
 */
export const parseDobInput = (input: string): string | null => {
  const s = input.trim()
  for (const [pattern, toParts] of DOB_PATTERNS) {
    const match = pattern.exec(s)
    if (!match) continue
    const { y, m, d } = toParts(match)
    if (!validYear(y)) return null
    if (m === undefined) return pad(y, 4)
    if (!(m >= 1 && m <= 12)) return null
    if (d === undefined) return `${pad(y, 4)}-${pad(m)}`
    return validDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null
  }
  return null
}

/** Shows an API date ('YYYY', 'YYYY-MM', 'YYYY-MM-DD' or a full ISO timestamp) as DD/MM/YYYY, MM/YYYY or YYYY. */
export const formatPartialDate = (value: string): string => {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value)
  if (!m) return value
  const [, y, mo, d] = m
  if (d && mo) return `${d}/${mo}/${y}`
  if (mo) return `${mo}/${y}`
  return y ?? value
}

/** The form field text for a stored `dob` query value (the inverse of parseDobInput). */
export const dobToInput = (dob: string): string => formatPartialDate(dob)
