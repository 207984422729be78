import { VN_ID_MESSAGES_EN, type VnIdErrorCode } from './error-messages.js'

// `field` is the 1-based QR field a failure is about, so a UI can point at it.
export type Failure = { ok: false; code: VnIdErrorCode; message: string; field?: number }
export type Result<T> = { ok: true; value: T } | Failure

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })

export const fail = (code: VnIdErrorCode, detail?: string, field?: number): Failure => {
  const base = VN_ID_MESSAGES_EN[code]
  const message = detail === undefined ? base : `${base} (${detail})`
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field }
}
