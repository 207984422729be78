// Stable failure codes of a verification, with the English message; VN_SHARE_MESSAGES_VI for citizen-facing screens.

export const VN_SHARE_MESSAGES_EN = {
  'vn-share.MALFORMED': 'Not a dinhdanh offline share QR, or it is damaged',
  'vn-share.KEY_UNKNOWN': 'Signed by a key this verifier does not trust (update the published keys)',
  'vn-share.SIGNATURE_INVALID': "The issuer's signature does not match: the data was altered",
  'vn-share.DEVICE_SIGNATURE_INVALID':
    "The holder's device signature does not match: not shown by the holder's app",
  'vn-share.EXPIRED': 'The QR is older than 60 seconds: ask for a new one',
  'vn-share.NOT_YET_VALID': "The QR's time is ahead of this device's clock",
  'vn-share.CREDENTIAL_EXPIRED': 'The credential in the QR has expired',
  'vn-share.REVOKED': 'The credential has been revoked',
  'vn-share.REPLAYED': 'This QR was already scanned: ask for a new one',
} as const
export type VnShareErrorCode = keyof typeof VN_SHARE_MESSAGES_EN

export const VN_SHARE_MESSAGES_VI: Record<VnShareErrorCode, string> = {
  'vn-share.MALFORMED': 'Không phải mã QR chia sẻ ngoại tuyến của hệ thống định danh, hoặc mã bị hỏng',
  'vn-share.KEY_UNKNOWN': 'Mã được ký bằng khóa chưa được tin cậy (hãy cập nhật khóa công khai)',
  'vn-share.SIGNATURE_INVALID': 'Chữ ký của cơ quan cấp không khớp: dữ liệu đã bị thay đổi',
  'vn-share.DEVICE_SIGNATURE_INVALID': 'Chữ ký thiết bị của người giữ không khớp',
  'vn-share.EXPIRED': 'Mã QR đã quá 60 giây: hãy yêu cầu mã mới',
  'vn-share.NOT_YET_VALID': 'Thời gian của mã QR đi trước đồng hồ của thiết bị này',
  'vn-share.CREDENTIAL_EXPIRED': 'Thông tin trong mã QR đã hết hạn',
  'vn-share.REVOKED': 'Thông tin đã bị thu hồi',
  'vn-share.REPLAYED': 'Mã QR này đã được quét: hãy yêu cầu mã mới',
}

export type VnShareFailure = { ok: false; code: VnShareErrorCode; message: string }
export const failure = (code: VnShareErrorCode): VnShareFailure => ({
  ok: false,
  code,
  message: VN_SHARE_MESSAGES_EN[code],
})
