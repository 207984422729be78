// The words of login by QR code and of "continue as", Vietnamese first (interaction.i18n.ts has the rest).
import type { Lang } from './interaction.i18n.js'

const vi = {
  orApp: 'Hoặc dùng ứng dụng định danh điện tử',
  qrOffer: 'Quét mã QR bằng ứng dụng',
  qrOfferHint: 'Dành cho tài khoản mức độ 2 đã bật "Cho phép đăng nhập trên web bằng mã QR".',
  continueAs: 'Tiếp tục với tài khoản {id}',
  continueAsHint: 'Trình duyệt này đang đăng nhập ứng dụng định danh điện tử bằng tài khoản {id}.',
  qrTitle: 'Quét mã để đăng nhập',
  qrLead:
    'Mở ứng dụng định danh điện tử trên điện thoại, chọn "Quét mã đăng nhập" và quét mã này, hoặc nhập mã bên dưới. Ứng dụng sẽ cho bạn biết {client} đang đề nghị đăng nhập.',
  qrImage: 'Mã QR đăng nhập',
  qrCode: 'Mã đăng nhập',
  qrExpires: 'Mã có hiệu lực 2 phút, chỉ dùng một lần.',
  qrConfirmed: 'Tôi đã xác nhận trên ứng dụng',
  qrWaiting: 'Chưa có xác nhận từ ứng dụng. Hãy xác nhận trên ứng dụng rồi bấm lại nút này.',
  qrNewCode: 'Lấy mã mới',
  qrBack: 'Đăng nhập bằng mật khẩu',
  qrExpiredTitle: 'Mã đăng nhập đã hết hạn',
  qrExpiredLead: 'Mã này đã hết hạn hoặc đã được dùng. Hãy lấy mã mới.',
  qrRefusedTitle: 'Đăng nhập đã bị từ chối',
  qrRefusedLead: 'Yêu cầu đăng nhập này đã bị từ chối trên ứng dụng.',
  qrNotAllowedTitle: 'Tài khoản không được đăng nhập bằng mã QR',
  qrNotAllowedLead:
    'Chỉ tài khoản mức độ 2 đã bật "Cho phép đăng nhập trên web bằng mã QR" mới đăng nhập được bằng cách này.',
}

type QrMessages = Record<keyof typeof vi, string>

const en: QrMessages = {
  orApp: 'Or use the electronic identification app',
  qrOffer: 'Scan a QR code with the app',
  qrOfferHint: 'For level 2 accounts with "Allow web login by QR code" turned on.',
  continueAs: 'Continue as {id}',
  continueAsHint: 'This browser is logged in to the electronic identification app as {id}.',
  qrTitle: 'Scan to log in',
  qrLead:
    'Open the electronic identification app on your phone, choose "Scan to log in" and scan this code, or type the code below. The app will tell you that {client} asks you to log in.',
  qrImage: 'Login QR code',
  qrCode: 'Login code',
  qrExpires: 'The code is valid for 2 minutes, once.',
  qrConfirmed: 'I have confirmed in the app',
  qrWaiting: 'No confirmation from the app yet. Confirm in the app, then press this button again.',
  qrNewCode: 'Get a new code',
  qrBack: 'Log in with a password',
  qrExpiredTitle: 'The login code has expired',
  qrExpiredLead: 'This code has expired or was already used. Get a new one.',
  qrRefusedTitle: 'The login was refused',
  qrRefusedLead: 'This login request was refused in the app.',
  qrNotAllowedTitle: 'This account may not log in by QR code',
  qrNotAllowedLead: 'Only level 2 accounts with "Allow web login by QR code" turned on can log in this way.',
}

export const qrMessages: Record<Lang, QrMessages> = { vi, en }

export const sayQr = (lang: Lang, key: keyof QrMessages, vars: Record<string, string> = {}) =>
  qrMessages[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`)
