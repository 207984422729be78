// The words of signing in for a dependent, Vietnamese first (interaction.i18n.ts has the rest).
import type { Lang } from './interaction.i18n.js'

const vi = {
  actForTitle: 'Bạn đăng nhập cho ai?',
  actForLead:
    '{client} cho phép cha, mẹ hoặc người giám hộ đăng nhập thay cho con chưa đủ 14 tuổi hoặc người được giám hộ. Hãy chọn người bạn đăng nhập cho.',
  actForLegend: 'Đăng nhập cho',
  actForSelf: 'Chính tôi ({id})',
  actForParent: '{name} ({id}), con của bạn',
  actForGuardian: '{name} ({id}), người được bạn giám hộ',
  actForNote:
    'Khi bạn đăng nhập cho người khác, dịch vụ nhận thông tin của người đó và biết rằng bạn là người đại diện. Việc này được ghi vào lịch sử sử dụng của cả hai người.',
  actForContinue: 'Tiếp tục',
  consentTitleFor: '{client} đề nghị truy cập thông tin của {name}',
  consentFor: 'Bạn đăng nhập cho {name} ({id}) với tư cách {relation}.',
  relationParent: 'cha hoặc mẹ',
  relationGuardian: 'người giám hộ',
  consentBy: 'Người đại diện: tài khoản {id} (mức độ {level})',
  'accounts.NOT_REPRESENTATIVE': 'Bạn không phải là người đại diện của người này.',
  'accounts.REPRESENTATION_ENDED': 'Bạn không còn là người đại diện của người này.',
  'accounts.ACCOUNT_LOCKED': 'Tài khoản của người này đang bị khóa.',
  'oidc.FORM_INVALID': 'Hãy chọn người bạn đăng nhập cho.',
  'oidc.DEPENDENTS_NOT_ALLOWED': 'Dịch vụ này không còn cho phép đăng nhập thay cho người phụ thuộc.',
}

type ActForMessages = Record<keyof typeof vi, string>

const en: ActForMessages = {
  actForTitle: 'Who are you signing in for?',
  actForLead:
    '{client} lets a parent or guardian sign in for a child under 14 or a ward. Choose who you are signing in for.',
  actForLegend: 'Sign in for',
  actForSelf: 'Myself ({id})',
  actForParent: '{name} ({id}), your child',
  actForGuardian: '{name} ({id}), your ward',
  actForNote:
    'When you sign in for someone else, the service gets their data and learns that you are their representative. This is recorded in the usage history of both of you.',
  actForContinue: 'Continue',
  consentTitleFor: "{client} asks to access {name}'s data",
  consentFor: 'You are signing in for {name} ({id}) as their {relation}.',
  relationParent: 'parent',
  relationGuardian: 'guardian',
  consentBy: 'Representative: account {id} (level {level})',
  'accounts.NOT_REPRESENTATIVE': 'You are not the representative of this person.',
  'accounts.REPRESENTATION_ENDED': 'You no longer represent this person.',
  'accounts.ACCOUNT_LOCKED': "This person's account is locked.",
  'oidc.FORM_INVALID': 'Choose who you are signing in for.',
  'oidc.DEPENDENTS_NOT_ALLOWED': 'This service no longer allows signing in for a dependent.',
}

const actForMessages: Record<Lang, ActForMessages> = { vi, en }

export type ActForKey = keyof ActForMessages

export const sayActFor = (lang: Lang, key: ActForKey, vars: Record<string, string> = {}) =>
  actForMessages[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`)

/** The chooser's words for an error code it can meet, if it has its own. */
export const actForError = (lang: Lang, code: string): string | undefined =>
  code in vi ? actForMessages[lang][code as ActForKey] : undefined
