// @dinhdanh/vn-id: Vietnamese identity primitives, pure functions with failures as values.
export { type CccdQrOptions, type CccdQrRecord, formatCccdQr, parseCccdQr } from './cccd-qr.js'
export { VN_ID_MESSAGES_EN, VN_ID_MESSAGES_VI, type VnIdErrorCode } from './error-messages.js'
export type { Gender } from './gender.js'
export { type Holiday, holidaysOf } from './holidays.js'
export {
  addDays,
  dayOfWeek,
  fromParts,
  isLocalDate,
  type LocalDate,
  type LocalDateParts,
  parseLocalDate,
  toParts,
  vietnamDateOf,
  type Weekday,
} from './local-date.js'
export { type LunarDate, lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar.js'
export { DEFAULT_MOBILE_PREFIXES, type MobilePrefixTable } from './mobile-prefixes.js'
export { nameKey, normalizeName } from './names.js'
export {
  DEFAULT_FOREIGN_CODES,
  formatPersonalId,
  isOldCmnd,
  type PersonalId,
  type PersonalIdOptions,
  type PersonalIdParts,
  parsePersonalId,
} from './personal-id.js'
export {
  crossCheckPersonalId,
  type PersonalIdClaims,
  type PersonalIdMismatch,
} from './personal-id-check.js'
export { explainPersonalId, type Lang } from './personal-id-explain.js'
export { type MobileNumber, parsePhone } from './phone.js'
export { PROVINCES, type Province, provinceByCode } from './provinces.js'
export type { Failure, Result } from './result.js'
export { addWorkingDays, isWorkingDay, type WorkingCalendar, workingDaysBetween } from './working-days.js'
