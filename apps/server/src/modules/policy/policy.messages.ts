import type { Bilingual } from './policy.types.js'

// Citizen-facing texts of the credential rules; codes are stable, texts may be reworded.
export const CREDENTIAL_MESSAGES = {
  'policy.PASSWORD_TOO_SHORT': {
    vi: 'Mật khẩu phải có ít nhất 8 ký tự.',
    en: 'The password must be at least 8 characters long.',
  },
  'policy.PASSWORD_TOO_LONG': {
    vi: 'Mật khẩu không được dài quá 20 ký tự.',
    en: 'The password must be at most 20 characters long.',
  },
  'policy.PASSWORD_NO_DIGIT': {
    vi: 'Mật khẩu phải có ít nhất một chữ số.',
    en: 'The password must contain at least one digit.',
  },
  'policy.PASSWORD_NO_UPPERCASE': {
    vi: 'Mật khẩu phải có ít nhất một chữ cái viết hoa.',
    en: 'The password must contain at least one upper-case letter.',
  },
  'policy.PASSWORD_NO_LOWERCASE': {
    vi: 'Mật khẩu phải có ít nhất một chữ cái viết thường.',
    en: 'The password must contain at least one lower-case letter.',
  },
  'policy.PASSWORD_NO_SPECIAL': {
    vi: 'Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ: @ # $ ! ?).',
    en: 'The password must contain at least one special character (for example @ # $ ! ?).',
  },
  'policy.PASSWORD_CONTROL_CHARACTER': {
    vi: 'Mật khẩu chứa ký tự không hợp lệ.',
    en: 'The password contains a character that is not allowed.',
  },
  'policy.PASSWORD_CONTAINS_ID_NUMBER': {
    vi: 'Mật khẩu không được chứa số định danh cá nhân.',
    en: 'The password must not contain your personal ID number.',
  },
  'policy.PASSWORD_CONTAINS_PHONE': {
    vi: 'Mật khẩu không được chứa số điện thoại của bạn.',
    en: 'The password must not contain your phone number.',
  },
  'policy.PASSCODE_FORMAT': {
    vi: 'Mã bảo vệ (passcode) phải gồm đúng 6 chữ số.',
    en: 'The passcode must be exactly 6 digits.',
  },
  'policy.PASSCODE_REPEATED_DIGIT': {
    vi: 'Mã bảo vệ không được gồm một chữ số lặp lại (ví dụ: 111111).',
    en: 'The passcode must not repeat a single digit (for example 111111).',
  },
  'policy.PASSCODE_SEQUENCE': {
    vi: 'Mã bảo vệ không được là dãy số liên tiếp (ví dụ: 123456, 654321).',
    en: 'The passcode must not be a run of consecutive digits (for example 123456, 654321).',
  },
  'policy.PASSCODE_BIRTH_DATE': {
    vi: 'Mã bảo vệ không được là ngày sinh của bạn.',
    en: 'The passcode must not be your date of birth.',
  },
  'policy.SECURITY_QUESTION_COUNT': {
    vi: 'Vui lòng chọn đúng 2 câu hỏi bảo mật.',
    en: 'Choose exactly 2 security questions.',
  },
  'policy.SECURITY_QUESTION_UNKNOWN': {
    vi: 'Câu hỏi bảo mật không có trong danh sách.',
    en: 'The security question is not in the list.',
  },
  'policy.SECURITY_QUESTION_REPEATED': {
    vi: 'Hai câu hỏi bảo mật phải khác nhau.',
    en: 'The two security questions must be different.',
  },
  'policy.SECURITY_ANSWER_EMPTY': {
    vi: 'Vui lòng trả lời câu hỏi bảo mật.',
    en: 'Answer each security question.',
  },
  'policy.SECURITY_ANSWER_TOO_LONG': {
    vi: 'Câu trả lời bảo mật không được dài quá 100 ký tự.',
    en: 'A security answer must be at most 100 characters long.',
  },
} as const satisfies Record<`policy.${string}`, Bilingual>

export type CredentialRuleCode = keyof typeof CREDENTIAL_MESSAGES

/** One broken rule: a stable code for programs, a text in each language for people. */
export type RuleFailure = { code: CredentialRuleCode } & Bilingual

export const ruleFailure = (code: CredentialRuleCode): RuleFailure => ({ code, ...CREDENTIAL_MESSAGES[code] })
