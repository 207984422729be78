// The login and consent pages' words: Vietnamese first, English on request (?lang=en).

export const LANGS = ['vi', 'en'] as const
export type Lang = (typeof LANGS)[number]

const vi = {
  brand: 'Định danh điện tử',
  switchTo: 'English',
  loginTitle: 'Đăng nhập bằng tài khoản định danh điện tử',
  loginLead: '{client} đề nghị bạn đăng nhập để sử dụng dịch vụ.',
  username: 'Số định danh cá nhân',
  usernameHint: '12 chữ số trên thẻ căn cước',
  password: 'Mật khẩu',
  logIn: 'Đăng nhập',
  passkeyOr: 'Hoặc dùng khóa truy cập',
  passkeyLogIn: 'Đăng nhập bằng khóa truy cập',
  passkeyHint:
    'Mở khóa bằng vân tay, khuôn mặt hoặc mã PIN của thiết bị; không cần số định danh, mật khẩu hay mã SMS.',
  passkeyCancelled: 'Thao tác với khóa truy cập đã bị hủy hoặc hết thời gian.',
  passkeyFailed: 'Thiết bị không dùng được khóa truy cập. Hãy thử lại hoặc đăng nhập bằng mật khẩu.',
  cancel: 'Hủy và quay lại dịch vụ',
  codeTitle: 'Xác thực thiết bị mới',
  codeLead: 'Đây là lần đầu bạn đăng nhập trên thiết bị này. Chúng tôi đã gửi mã 6 chữ số đến số {phone}.',
  code: 'Mã xác thực',
  confirmCode: 'Xác nhận',
  consentTitle: '{client} đề nghị truy cập thông tin của bạn',
  purpose: 'Mục đích',
  purposeMissing: 'Không nêu',
  requestedData: 'Thông tin được chia sẻ',
  accountLine: 'Tài khoản {id} (mức độ {level})',
  consentNote:
    'Thông tin chỉ được chia sẻ khi bạn đồng ý. Sự đồng ý được ghi nhớ cho dịch vụ này và được ghi vào lịch sử sử dụng của bạn.',
  allow: 'Đồng ý chia sẻ',
  deny: 'Từ chối',
  claim_sub: 'Mã định danh riêng của bạn đối với dịch vụ này (không phải số định danh cá nhân)',
  claim_name: 'Họ và tên',
  claim_birthdate: 'Ngày sinh',
  claim_gender: 'Giới tính',
  claim_vn_id: 'Số định danh cá nhân',
  scope_offline_access: 'Duy trì kết nối khi bạn không trực tuyến (làm mới phiên đăng nhập)',
  claim_address: 'Địa chỉ thường trú',
  claim_phone: 'Số điện thoại di động đã đăng ký',
  claim_email: 'Địa chỉ thư điện tử (nếu có)',
  scope_vn_verified:
    'Thông tin nhân thân đã được xác minh (họ tên, ngày sinh, giới tính, quốc tịch) và cách xác minh (mức độ tài khoản, thời điểm, hồ sơ, giấy tờ)',
  loginAgain:
    'Dịch vụ này yêu cầu bạn đăng nhập lại: dịch vụ cần mức độ tài khoản cao hơn lần đăng nhập trước, hoặc lần đăng nhập trước đã quá lâu.',
  errorTitle: 'Không thể tiếp tục',
  errorLead: 'Yêu cầu đăng nhập không hợp lệ hoặc đã hết hạn. Hãy quay lại dịch vụ và thử lại.',
  errorCode: 'Mã lỗi',
  logoutTitle: 'Đăng xuất khỏi {client}?',
  logoutLead:
    'Nếu đồng ý, bạn đăng xuất khỏi tài khoản định danh điện tử trên trình duyệt này và khỏi mọi dịch vụ đã đăng nhập bằng tài khoản này.',
  logoutNoNote: 'Nếu chọn Không, chỉ {client} kết thúc phiên của bạn; bạn vẫn đăng nhập định danh điện tử.',
  logoutYes: 'Có, đăng xuất',
  logoutNo: 'Không, giữ đăng nhập',
  loggedOutTitle: 'Bạn đã đăng xuất',
  loggedOutLead: 'Bạn đã đăng xuất khỏi {client}. Bạn có thể đóng trang này.',
}

export type Messages = Record<keyof typeof vi, string>

const en: Messages = {
  brand: 'Electronic identification',
  switchTo: 'Tiếng Việt',
  loginTitle: 'Log in with your electronic identity account',
  loginLead: '{client} asks you to log in to use its service.',
  username: 'Personal ID number',
  usernameHint: 'The 12 digits on your ID card',
  password: 'Password',
  logIn: 'Log in',
  passkeyOr: 'Or use a passkey',
  passkeyLogIn: 'Sign in with a passkey',
  passkeyHint:
    "Unlock it with your device's fingerprint, face or PIN; no ID number, password or SMS code needed.",
  passkeyCancelled: 'The passkey request was cancelled or timed out.',
  passkeyFailed: 'The device could not use a passkey. Try again or log in with your password.',
  cancel: 'Cancel and return to the service',
  codeTitle: 'Confirm this new device',
  codeLead: 'This is your first login on this device. We sent a 6-digit code to {phone}.',
  code: 'Verification code',
  confirmCode: 'Confirm',
  consentTitle: '{client} asks to access your information',
  purpose: 'Purpose',
  purposeMissing: 'Not stated',
  requestedData: 'Information to be shared',
  accountLine: 'Account {id} (level {level})',
  consentNote:
    'Nothing is shared unless you agree. Your consent is remembered for this service and recorded in your usage history.',
  allow: 'Agree and share',
  deny: 'Refuse',
  claim_sub: 'An identifier of you for this service only (not your personal ID number)',
  claim_name: 'Full name',
  claim_birthdate: 'Date of birth',
  claim_gender: 'Gender',
  claim_vn_id: 'Personal ID number',
  scope_offline_access: 'Stay connected while you are offline (refresh the login)',
  claim_address: 'Permanent residence address',
  claim_phone: 'Registered mobile phone number',
  claim_email: 'E-mail address (if any)',
  scope_vn_verified:
    'Your verified identity (name, date of birth, gender, nationality) and how it was verified (account level, date, dossier, identity document)',
  loginAgain:
    'This service asks you to log in again: it needs a higher account level than your last login, or your last login was too long ago.',
  errorTitle: 'Cannot continue',
  errorLead: 'The login request is invalid or has expired. Return to the service and try again.',
  errorCode: 'Error code',
  logoutTitle: 'Log out of {client}?',
  logoutLead:
    'If you agree, you are logged out of your electronic identity account in this browser, and of every service you logged in to with it.',
  logoutNoNote:
    'If you choose No, only {client} ends your session; you stay logged in to your electronic identity.',
  logoutYes: 'Yes, log out',
  logoutNo: 'No, stay logged in',
  loggedOutTitle: 'You are logged out',
  loggedOutLead: 'You are logged out of {client}. You can close this page.',
}

export const messages: Record<Lang, Messages> = { vi, en }

/** What the pages say for each error code the login steps can meet. */
export const errorMessages: Record<string, Record<Lang, string>> = {
  'accounts.INVALID_CREDENTIALS': {
    vi: 'Số định danh cá nhân hoặc mật khẩu không đúng.',
    en: 'The personal ID number or the password is wrong.',
  },
  'accounts.NOT_ACTIVATED': {
    vi: 'Tài khoản đã được duyệt nhưng chưa kích hoạt. Hãy kích hoạt trên ứng dụng trước.',
    en: 'The account is approved but not activated yet. Activate it in the app first.',
  },
  'accounts.ACCOUNT_LOCKED': { vi: 'Tài khoản đang bị khóa.', en: 'The account is locked.' },
  'accounts.CHALLENGE_INVALID': {
    vi: 'Bước xác thực này đã hết hạn hoặc đã được dùng. Hãy đăng nhập lại.',
    en: 'This login step has expired or was already used. Log in again.',
  },
  'accounts.PASSKEY_REJECTED': {
    vi: 'Không xác minh được khóa truy cập này.',
    en: 'This passkey could not be verified.',
  },
  'accounts.PASSKEY_CHALLENGE_INVALID': {
    vi: 'Yêu cầu dùng khóa truy cập đã hết hạn hoặc đã được dùng. Hãy thử lại.',
    en: 'This passkey request has expired or was already used. Try again.',
  },
  'accounts.PASSKEYS_UNAVAILABLE': {
    vi: 'Khóa truy cập chưa dùng được trên địa chỉ này của hệ thống.',
    en: 'Passkeys are not available at this address of the platform.',
  },
  'authn.RATE_LIMITED': {
    vi: 'Bạn đã thử quá nhiều lần. Hãy thử lại sau ít phút.',
    en: 'Too many attempts. Try again in a few minutes.',
  },
  'authn.ACCOUNT_TEMPORARILY_LOCKED': {
    vi: 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau.',
    en: 'Too many failed attempts. Try again later.',
  },
  'authn.OTP_INVALID': { vi: 'Mã xác thực không đúng.', en: 'The code is not valid.' },
  'authn.OTP_EXPIRED': {
    vi: 'Mã xác thực đã hết hạn. Hãy đăng nhập lại để nhận mã mới.',
    en: 'The code has expired. Log in again to get a new one.',
  },
  'authn.OTP_TOO_MANY_ATTEMPTS': {
    vi: 'Nhập sai mã quá nhiều lần. Hãy đăng nhập lại để nhận mã mới.',
    en: 'Too many wrong codes. Log in again to get a new one.',
  },
  // Errors oidc-provider shows itself when it cannot send the citizen back to the service.
  invalid_client: {
    vi: 'Dịch vụ này chưa được kết nối với hệ thống định danh điện tử hoặc đang bị tạm ngừng kết nối.',
    en: 'This service is not connected to the electronic identification system, or its connection is suspended.',
  },
  invalid_redirect_uri: {
    vi: 'Địa chỉ quay lại của dịch vụ không khớp với địa chỉ đã đăng ký. Hãy báo cho đơn vị cung cấp dịch vụ.',
    en: "The service's return address does not match the registered one. Tell the service provider.",
  },
  'oidc.FORM_INVALID': {
    vi: 'Hãy nhập đủ thông tin: số định danh 12 chữ số và mật khẩu, hoặc mã 6 chữ số.',
    en: 'Fill in the form: the 12-digit ID number and the password, or the 6-digit code.',
  },
  'oidc.DEPENDENTS_NOT_ALLOWED': {
    vi: 'Dịch vụ này không còn cho phép đăng nhập thay cho người phụ thuộc. Hãy quay lại dịch vụ và đăng nhập cho chính bạn.',
    en: 'This service no longer allows signing in for a dependent. Return to the service and sign in for yourself.',
  },
  'oidc.INTERACTION_EXPIRED': {
    vi: 'Trang đăng nhập này đã hết hạn hoặc đã được dùng. Hãy quay lại dịch vụ và bắt đầu lại.',
    en: 'This login page has expired or was already used. Return to the service and start again.',
  },
  'oidc.INTERACTION_STEP_INVALID': {
    vi: 'Bước này không thuộc lượt đăng nhập đang diễn ra. Hãy quay lại dịch vụ và bắt đầu lại.',
    en: 'This step does not belong to the login in progress. Return to the service and start again.',
  },
}

export const errorText = (code: string, lang: Lang) =>
  errorMessages[code]?.[lang] ??
  (lang === 'vi' ? 'Đã có lỗi xảy ra. Hãy thử lại.' : 'Something went wrong. Try again.')

export const say = (m: Messages, key: keyof Messages, vars: Record<string, string> = {}) =>
  m[key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`)
