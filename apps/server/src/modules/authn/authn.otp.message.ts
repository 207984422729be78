import type { OtpPurpose } from './authn.table.js'

export type OtpMessage = { subject?: string; body: string }
/** Writes the message for a code; the code must appear in it, and only there. */
export type OtpMessageWriter = (code: string, minutes: number, purpose: OtpPurpose) => OtpMessage

// Saying what the code is for helps a citizen notice a code they did not ask for.
const ACTION: Record<OtpPurpose, string> = {
  activation: 'kích hoạt tài khoản',
  login_new_device: 'đăng nhập trên thiết bị mới',
  password_reset: 'đặt lại mật khẩu',
  phone_change_old: 'đổi số điện thoại',
  phone_change_new: 'xác nhận số điện thoại mới',
  email_change: 'xác nhận địa chỉ email',
  step_up: 'xác nhận giao dịch',
  unlock: 'mở khóa tài khoản',
}

/** The Vietnamese default: "Mã xác thực dinhdanh để … là 123456, hiệu lực 5 phút. Không chia sẻ mã này." */
export const defaultOtpMessage: OtpMessageWriter = (code, minutes, purpose) => ({
  subject: 'Mã xác thực dinhdanh',
  body: `Mã xác thực dinhdanh để ${ACTION[purpose]} là ${code}, hiệu lực ${minutes} phút. Không chia sẻ mã này với bất kỳ ai.`,
})

/** SMS text without diacritics: a single Vietnamese letter outside GSM-7 turns a 160-character SMS into 70. */
export const toSmsText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC')
