// Days as a Vietnamese counter types and reads them (DD/MM/YYYY), sent to the server as 'YYYY-MM-DD'.

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const realDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d))
  return (
    y >= 1900 &&
    y <= 2999 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d
  )
}

/** 20/11/2026 (also with - or .) or 2026-11-20 as 'YYYY-MM-DD'; null when it is not a real day. */
export const parseDayInput = (input: string): string | null => {
  const s = input.trim()
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  const [y, m, d] = dmy
    ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
    : ymd
      ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])]
      : [0, 0, 0]
  return realDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null
}

// The server decides by the day in Vietnam (UTC+7); the form checks against the same day.
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

export const todayInVietnam = (now: Date = new Date()): string => VIETNAM_DAY.format(now)

/** The same day `years` later; 29 February becomes 28 February in a common year (as the server counts). */
export const yearsAfter = (day: string, years: number): string => {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  const same = `${pad(y + years, 4)}-${pad(m)}-${pad(d)}`
  return realDay(y + years, m, d) ? same : `${pad(y + years, 4)}-${pad(m)}-${pad(d - 1)}`
}

/** 'YYYY-MM-DD' as DD/MM/YYYY. */
export const formatDay = (day: string): string => {
  const [y, m, d] = day.split('-')
  return y && m && d ? `${d}/${m}/${y}` : day
}
