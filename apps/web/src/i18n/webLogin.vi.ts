// Login on the web by QR code: the holder's setting and the "scan to log in" page of the citizen app.
export const webLoginVi = {
  homeLink: {
    title: 'Quét mã đăng nhập',
    description: 'Đăng nhập trang web của một dịch vụ bằng cách quét mã QR trên màn hình máy tính.',
  },
  setting: {
    title: 'Đăng nhập trên web bằng mã QR',
    label: 'Cho phép đăng nhập trên web bằng mã QR',
    description:
      'Khi bật, bạn có thể đăng nhập trang web của dịch vụ bằng cách quét mã QR trên trang đăng nhập bằng ứng dụng này. Mặc định tắt.',
    level2Only: 'Chỉ tài khoản định danh điện tử mức độ 2 mới dùng được tính năng này.',
    enabled: 'Đã bật đăng nhập trên web bằng mã QR.',
    disabled: 'Đã tắt đăng nhập trên web bằng mã QR.',
  },
  scan: {
    title: 'Quét mã đăng nhập',
    intro:
      'Trên trang đăng nhập của dịch vụ, chọn "Quét mã QR bằng ứng dụng", rồi quét mã hiện ra hoặc nhập mã 10 ký tự.',
    notLevel2: 'Chỉ tài khoản mức độ 2 mới đăng nhập trên web bằng mã QR được.',
    turnOnFirst: 'Bạn chưa bật "Cho phép đăng nhập trên web bằng mã QR". Hãy bật trong mục Bảo mật.',
    openSecurity: 'Mở mục Bảo mật',
    useCamera: 'Quét mã bằng camera',
    code: 'Mã đăng nhập',
    codeDescription: '10 chữ cái và chữ số, ví dụ ABCDE-FGH23.',
    next: 'Tiếp tục',
    cameraHint: 'Hướng camera vào mã QR trên trang đăng nhập.',
    scanning: 'Đang tìm mã QR…',
    rejected: 'Đây không phải mã đăng nhập của định danh điện tử.',
    close: 'Tắt camera',
    noCode: 'Không tìm thấy mã đăng nhập trong 60 giây. Hãy nhập mã bằng tay.',
    denied: 'Bạn chưa cho phép dùng camera. Hãy nhập mã bằng tay.',
    notFound: 'Không tìm thấy camera trên thiết bị này. Hãy nhập mã bằng tay.',
    unsupported: 'Trình duyệt này không mở được camera. Hãy nhập mã bằng tay.',
    failed: 'Không mở được camera. Hãy nhập mã bằng tay.',
    reader: 'Không tải được bộ đọc mã QR. Hãy nhập mã bằng tay.',
  },
  review: {
    title: 'Xác nhận đăng nhập',
    asks: '{{client}} đề nghị đăng nhập bằng tài khoản của bạn',
    purpose: 'Mục đích',
    purposeMissing: 'Không nêu',
    browser: 'Trình duyệt',
    address: 'Địa chỉ mạng (gần đúng)',
    requestedAt: 'Thời điểm yêu cầu',
    warning:
      'Chỉ đồng ý nếu chính bạn đang đăng nhập trên trình duyệt đó. Không đồng ý nếu ai đó gửi mã này cho bạn.',
    approve: 'Đồng ý đăng nhập',
    refuse: 'Từ chối',
  },
  done: {
    approved: 'Đã đồng ý. Trên trình duyệt, bấm "Tôi đã xác nhận trên ứng dụng" để tiếp tục.',
    refused: 'Đã từ chối. Trình duyệt đó không được đăng nhập.',
    again: 'Quét mã khác',
  },
  errors: {
    invalid: 'Mã không đúng, đã hết hạn, đã được dùng hoặc đã được tài khoản khác quét.',
    notAllowed:
      'Chỉ tài khoản mức độ 2 đã bật "Cho phép đăng nhập trên web bằng mã QR" mới đăng nhập bằng mã QR được.',
    level2Required: 'Chỉ tài khoản mức độ 2 mới bật được tính năng này.',
    codeFormat: 'Mã đăng nhập gồm 10 chữ cái và chữ số.',
  },
}
