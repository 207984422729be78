import { fromDayNumber, type LocalDate, toDayNumber } from './local-date.js'

// Vietnamese lunisolar calendar after Hồ Ngọc Đức's "Thuật toán tính âm lịch" (astro formulas from
// Meeus), computed for UTC+7: Vietnam's meridian is why Tết 1985 fell on 21 Jan, a month before China's.
export type LunarDate = { year: number; month: number; day: number; leap: boolean }

const TIME_ZONE = 7
const SYNODIC_MONTH = 29.530588853
// Julian day number of the new moon of 1900-01-01 the series counts from.
const EPOCH_NEW_MOON = 2415021.076998695
// Julian day number of 1970-01-01, the zero of LocalDate day numbers.
const UNIX_EPOCH_JDN = 2440588
const DEG = Math.PI / 180

const jdnOf = (date: LocalDate): number => toDayNumber(date) + UNIX_EPOCH_JDN
const dateOfJdn = (jdn: number): LocalDate => fromDayNumber(jdn - UNIX_EPOCH_JDN)

// Julian date of the k-th new moon after 1900-01-01 (Meeus, ch. 49, reduced terms).
const newMoon = (k: number): number => {
  const t = k / 1236.85
  const t2 = t * t
  const t3 = t2 * t
  const jd1 =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG)
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
  const c1 =
    (0.1734 - 0.000393 * t) * Math.sin(m * DEG) +
    0.0021 * Math.sin(2 * DEG * m) -
    0.4068 * Math.sin(mpr * DEG) +
    0.0161 * Math.sin(DEG * 2 * mpr) -
    0.0004 * Math.sin(DEG * 3 * mpr) +
    0.0104 * Math.sin(DEG * 2 * f) -
    0.0051 * Math.sin(DEG * (m + mpr)) -
    0.0074 * Math.sin(DEG * (m - mpr)) +
    0.0004 * Math.sin(DEG * (2 * f + m)) -
    0.0004 * Math.sin(DEG * (2 * f - m)) -
    0.0006 * Math.sin(DEG * (2 * f + mpr)) +
    0.001 * Math.sin(DEG * (2 * f - mpr)) +
    0.0005 * Math.sin(DEG * (2 * mpr + m))
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2
  return jd1 + c1 - deltaT
}

// Apparent solar longitude in radians, [0, 2π), at Julian date jdn.
const sunLongitude = (jdn: number): number => {
  const t = (jdn - 2451545.0) / 36525
  const t2 = t * t
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
  const dl =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m) +
    (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) +
    0.00029 * Math.sin(DEG * 3 * m)
  const l = (l0 + dl) * DEG
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI))
}

// Which of the 12 solar-term sectors (0–11) the sun is in at the start of the local day.
const sunSector = (dayNumber: number): number =>
  Math.floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6)

const newMoonDay = (k: number): number => Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24)

// Start of the lunar month containing the winter solstice (month 11) before the end of year y.
const lunarMonth11 = (y: number): number => {
  const off = jdnOf(`${String(y).padStart(4, '0')}-12-31`) - 2415021
  const k = Math.floor(off / SYNODIC_MONTH)
  const nm = newMoonDay(k)
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm
}

// Months after month 11 until the first month without a major solar term: that one is the leap month.
const leapMonthOffset = (a11: number): number => {
  const k = Math.floor((a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5)
  let i = 1
  let arc = sunSector(newMoonDay(k + i))
  let last: number
  do {
    last = arc
    i++
    arc = sunSector(newMoonDay(k + i))
  } while (arc !== last && i < 14)
  return i - 1
}

export const solarToLunar = (date: LocalDate): LunarDate => {
  const dayNumber = jdnOf(date)
  const year = Number(date.slice(0, 4))
  // The mean month only estimates which new moon starts the month: the true one can fall a day or so
  // either side (2054-05-07 lies before the estimate's two candidates), so step until it brackets the day.
  let k = Math.floor((dayNumber - EPOCH_NEW_MOON) / SYNODIC_MONTH) + 1
  while (newMoonDay(k) > dayNumber) k--
  while (newMoonDay(k + 1) <= dayNumber) k++
  const monthStart = newMoonDay(k)
  let a11 = lunarMonth11(year)
  let b11 = a11
  let lunarYear: number
  if (a11 >= monthStart) {
    lunarYear = year
    a11 = lunarMonth11(year - 1)
  } else {
    lunarYear = year + 1
    b11 = lunarMonth11(year + 1)
  }
  const day = dayNumber - monthStart + 1
  const diff = Math.floor((monthStart - a11) / 29)
  let leap = false
  let month = diff + 11
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11)
    if (diff >= leapDiff) {
      month = diff + 10
      leap = diff === leapDiff
    }
  }
  if (month > 12) month -= 12
  if (month >= 11 && diff < 4) lunarYear -= 1
  return { year: lunarYear, month, day, leap }
}

// The solar date of a lunar date, or undefined when the asked-for leap month does not exist that year.
export const lunarToSolar = ({ year, month, day, leap }: LunarDate): LocalDate | undefined => {
  const [a11, b11] =
    month < 11 ? [lunarMonth11(year - 1), lunarMonth11(year)] : [lunarMonth11(year), lunarMonth11(year + 1)]
  const k = Math.floor(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH)
  let off = month - 11
  if (off < 0) off += 12
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11)
    let leapMonth = leapOff - 2
    if (leapMonth < 0) leapMonth += 12
    if (leap && month !== leapMonth) return undefined
    if (leap || off >= leapOff) off += 1
  } else if (leap) {
    return undefined
  }
  return dateOfJdn(newMoonDay(k + off) + day - 1)
}

export const lunarNewYear = (year: number): LocalDate => {
  const date = lunarToSolar({ year, month: 1, day: 1, leap: false })
  // Month 1 is never leap, so the date always exists.
  if (date === undefined) throw new Error(`no lunar new year for ${year}`)
  return date
}
