// ISO/IEC 19794-2:2005 finger minutiae records ("FMR\0", version " 20\0"), as counter scanners produce them.
// Layout: a 24-byte record header, then per finger view a 4-byte header, 6 bytes a minutia and an
// extended data block (2-byte length, content skipped). Integers are big-endian.
import { type ErrorFactory, fail } from '../../../platform/errors.js'
import { FINGERPRINT } from './fingerprint.errors.js'
import {
  ANGLE_UNIT_DEGREES,
  angleToByte,
  type FingerPosition,
  type FingerprintRecord,
  type FingerView,
  type Minutia,
  type MinutiaType,
} from './fingerprint.types.js'

export const FMR_HEADER_BYTES = 24
export const FMR_VIEW_HEADER_BYTES = 4
export const FMR_MINUTIA_BYTES = 6
const MAGIC = 'FMR\0'
const VERSION_2005 = ' 20\0'
const MINUTIA_TYPES: readonly MinutiaType[] = ['other', 'ending', 'bifurcation']

const reject = (error: ErrorFactory, offset: number, field: string, more: Record<string, unknown> = {}) =>
  fail(error, undefined, { offset, field, ...more })

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)))

const checkRecordLength = (view: DataView, actual: number) => {
  const declared = view.getUint32(8)
  if (declared === actual) return
  // ANSI INCITS 378 shares the magic and version but declares 2 bytes (or 0 then 4 bytes) of length.
  const short = view.getUint16(8)
  if (short === actual || (short === 0 && view.getUint32(10) === actual))
    reject(FINGERPRINT.FINGERPRINT_UNSUPPORTED_LENGTH_FORMAT, 8, 'recordLength', { actual })
  if (declared > actual)
    reject(FINGERPRINT.FINGERPRINT_TRUNCATED, actual, 'recordLength', { declared, actual })
  reject(FINGERPRINT.FINGERPRINT_LENGTH_MISMATCH, 8, 'recordLength', { declared, actual })
}

const parseMinutia = (
  view: DataView,
  at: number,
  field: string,
  size: { width: number; height: number },
): Minutia => {
  const xWord = view.getUint16(at)
  const type = MINUTIA_TYPES[xWord >> 14]
  if (!type) return reject(FINGERPRINT.FINGERPRINT_UNKNOWN_MINUTIA_TYPE, at, `${field}.type`, { bits: '11' })
  const x = xWord & 0x3fff
  const y = view.getUint16(at + 2) & 0x3fff // the two high bits are reserved: ignored, written as 0
  if (x >= size.width || y >= size.height)
    reject(FINGERPRINT.FINGERPRINT_MINUTIA_OUTSIDE_IMAGE, at, field, { x, y, ...size })
  const quality = view.getUint8(at + 5)
  if (quality > 100) reject(FINGERPRINT.FINGERPRINT_MALFORMED, at + 5, `${field}.quality`, { quality })
  return { type, x, y, angle: view.getUint8(at + 4) * ANGLE_UNIT_DEGREES, quality }
}

const parseView = (
  view: DataView,
  start: number,
  index: number,
  size: { width: number; height: number },
): { value: FingerView; end: number } => {
  const field = `views[${index}]`
  const end = view.byteLength
  if (start + FMR_VIEW_HEADER_BYTES + 2 > end)
    reject(FINGERPRINT.FINGERPRINT_TRUNCATED, start, field, { needed: FMR_VIEW_HEADER_BYTES + 2 })
  const position = view.getUint8(start)
  if (position > 10)
    reject(FINGERPRINT.FINGERPRINT_BAD_FINGER_POSITION, start, `${field}.position`, { position })
  const numberAndImpression = view.getUint8(start + 1)
  const quality = view.getUint8(start + 2)
  if (quality > 100) reject(FINGERPRINT.FINGERPRINT_MALFORMED, start + 2, `${field}.quality`, { quality })
  const count = view.getUint8(start + 3)
  let at = start + FMR_VIEW_HEADER_BYTES
  if (at + count * FMR_MINUTIA_BYTES + 2 > end) {
    const room = Math.max(0, Math.floor((end - at - 2) / FMR_MINUTIA_BYTES))
    reject(FINGERPRINT.FINGERPRINT_MINUTIAE_COUNT_MISMATCH, start + 3, `${field}.minutiaeCount`, {
      count,
      room,
    })
  }
  const minutiae: Minutia[] = []
  for (let i = 0; i < count; i++, at += FMR_MINUTIA_BYTES)
    minutiae.push(parseMinutia(view, at, `${field}.minutiae[${i}]`, size))
  const extended = view.getUint16(at)
  if (at + 2 + extended > end)
    reject(FINGERPRINT.FINGERPRINT_TRUNCATED, at, `${field}.extendedDataLength`, {
      length: extended,
      available: end - at - 2,
    })
  return {
    value: {
      position: position as FingerPosition,
      viewNumber: numberAndImpression >> 4,
      impression: numberAndImpression & 0x0f,
      quality,
      minutiae,
    },
    end: at + 2 + extended,
  }
}

const positive16 = (view: DataView, offset: number, field: string) => {
  const value = view.getUint16(offset)
  if (value === 0) reject(FINGERPRINT.FINGERPRINT_MALFORMED, offset, field, { value })
  return value
}

/** Parses a finger minutiae record; throws only `AppError`s of the FINGERPRINT catalogue. */
export const parseFmr = (bytes: Uint8Array): FingerprintRecord => {
  if (!(bytes instanceof Uint8Array)) return reject(FINGERPRINT.FINGERPRINT_MALFORMED, 0, 'record')
  if (ascii(bytes, 0, 4) !== MAGIC.slice(0, Math.min(4, bytes.length)))
    reject(FINGERPRINT.FINGERPRINT_BAD_FORMAT_ID, 0, 'formatIdentifier', { found: ascii(bytes, 0, 4) })
  if (bytes.length < FMR_HEADER_BYTES)
    reject(FINGERPRINT.FINGERPRINT_TRUNCATED, bytes.length, 'header', { needed: FMR_HEADER_BYTES })
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = ascii(bytes, 4, 8)
  if (version !== VERSION_2005) reject(FINGERPRINT.FINGERPRINT_UNSUPPORTED_VERSION, 4, 'version', { version })
  checkRecordLength(view, bytes.length)
  const equipment = view.getUint16(12)
  const size = { width: positive16(view, 14, 'width'), height: positive16(view, 16, 'height') }
  const resolutionX = positive16(view, 18, 'resolutionX')
  const resolutionY = positive16(view, 20, 'resolutionY')
  const viewCount = view.getUint8(22)
  if (viewCount === 0) reject(FINGERPRINT.FINGERPRINT_NO_VIEWS, 22, 'viewCount')
  const views: FingerView[] = []
  let at = FMR_HEADER_BYTES
  for (let i = 0; i < viewCount; i++) {
    const { value, end } = parseView(view, at, i, size)
    views.push(value)
    at = end
  }
  if (at !== bytes.length)
    reject(FINGERPRINT.FINGERPRINT_TRAILING_BYTES, at, 'record', { extra: bytes.length - at })
  return {
    equipmentCompliance: equipment >> 12,
    equipmentId: equipment & 0x0fff,
    ...size,
    resolutionX,
    resolutionY,
    views,
  }
}

const encodable = (ok: boolean, field: string, value: unknown) => {
  if (!ok) fail(FINGERPRINT.FINGERPRINT_NOT_ENCODABLE, undefined, { field, value })
}
const isInt = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max

const checkRecord = (record: FingerprintRecord) => {
  encodable(isInt(record.equipmentCompliance, 0, 15), 'equipmentCompliance', record.equipmentCompliance)
  encodable(isInt(record.equipmentId, 0, 0x0fff), 'equipmentId', record.equipmentId)
  for (const key of ['width', 'height', 'resolutionX', 'resolutionY'] as const)
    encodable(isInt(record[key], 1, 0xffff), key, record[key])
  encodable(record.views.length >= 1 && record.views.length <= 255, 'views', record.views.length)
  record.views.forEach((v, i) => {
    const field = `views[${i}]`
    encodable(isInt(v.position, 0, 10), `${field}.position`, v.position)
    encodable(isInt(v.viewNumber, 0, 15), `${field}.viewNumber`, v.viewNumber)
    encodable(isInt(v.impression, 0, 15), `${field}.impression`, v.impression)
    encodable(isInt(v.quality, 0, 100), `${field}.quality`, v.quality)
    encodable(v.minutiae.length <= 255, `${field}.minutiae`, v.minutiae.length)
    v.minutiae.forEach((m, j) => {
      const at = `${field}.minutiae[${j}]`
      encodable(MINUTIA_TYPES.includes(m.type), `${at}.type`, m.type)
      encodable(isInt(m.x, 0, Math.min(record.width - 1, 0x3fff)), `${at}.x`, m.x)
      encodable(isInt(m.y, 0, Math.min(record.height - 1, 0x3fff)), `${at}.y`, m.y)
      encodable(Number.isFinite(m.angle), `${at}.angle`, m.angle)
      encodable(isInt(m.quality, 0, 100), `${at}.quality`, m.quality)
    })
  })
}

/**
 * Encodes a record as ISO/IEC 19794-2:2005. Angles are rounded to the format's 1.40625° unit; everything
 * else must already fit (integer pixels inside the image, qualities 0–100), or FINGERPRINT_NOT_ENCODABLE.
 * Extended data is not written (length 0).
 */
export const encodeFmr = (record: FingerprintRecord): Uint8Array => {
  checkRecord(record)
  const length =
    FMR_HEADER_BYTES +
    record.views.reduce((n, v) => n + FMR_VIEW_HEADER_BYTES + v.minutiae.length * FMR_MINUTIA_BYTES + 2, 0)
  const bytes = new Uint8Array(length)
  const out = new DataView(bytes.buffer)
  for (let i = 0; i < 4; i++) {
    bytes[i] = MAGIC.charCodeAt(i)
    bytes[4 + i] = VERSION_2005.charCodeAt(i)
  }
  out.setUint32(8, length)
  out.setUint16(12, (record.equipmentCompliance << 12) | record.equipmentId)
  out.setUint16(14, record.width)
  out.setUint16(16, record.height)
  out.setUint16(18, record.resolutionX)
  out.setUint16(20, record.resolutionY)
  out.setUint8(22, record.views.length)
  let at = FMR_HEADER_BYTES
  for (const v of record.views) {
    out.setUint8(at, v.position)
    out.setUint8(at + 1, (v.viewNumber << 4) | v.impression)
    out.setUint8(at + 2, v.quality)
    out.setUint8(at + 3, v.minutiae.length)
    at += FMR_VIEW_HEADER_BYTES
    for (const m of v.minutiae) {
      out.setUint16(at, (MINUTIA_TYPES.indexOf(m.type) << 14) | m.x)
      out.setUint16(at + 2, m.y)
      out.setUint8(at + 4, angleToByte(m.angle))
      out.setUint8(at + 5, m.quality)
      at += FMR_MINUTIA_BYTES
    }
    at += 2 // extended data block length: 0
  }
  return bytes
}
