import type { DependentRefusal } from './policy.dependents.js'
import type { IneligibilityReason } from './policy.eligibility.js'
import type { LockGround } from './policy.locks.js'
import type { Bilingual } from './policy.types.js'

// Texts for the reason codes the rules return, for citizen and officer screens.
export const INELIGIBILITY_MESSAGES: Record<IneligibilityReason, Bilingual> = {
  deceased: { vi: 'Công dân đã chết.', en: 'The person has died.' },
  date_of_birth_invalid: { vi: 'Ngày sinh không hợp lệ.', en: 'The date of birth is not valid.' },
  not_yet_born: { vi: 'Ngày sinh sau ngày xét.', en: 'The date of birth is after the date considered.' },
  no_valid_card: {
    vi: 'Chưa có thẻ Căn cước công dân gắn chip hoặc thẻ căn cước còn hạn; đề nghị làm cùng thủ tục cấp thẻ.',
    en: 'No valid chip citizen ID card or ID card; apply together with the card.',
  },
  no_residence_card: {
    vi: 'Không có thẻ thường trú hoặc thẻ tạm trú còn hạn.',
    en: 'No valid permanent or temporary residence card.',
  },
  no_valid_travel_document: {
    vi: 'Không có hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế còn hạn.',
    en: 'No valid passport or international travel document.',
  },
  level_2_not_available_under_6: {
    vi: 'Trẻ em dưới 6 tuổi chưa được cấp tài khoản định danh điện tử mức độ 2.',
    en: 'Children under 6 cannot have a level-2 account.',
  },
  level_required: { vi: 'Chưa chọn mức độ tài khoản.', en: 'No account level was chosen.' },
  organisation_not_registered_in_vietnam: {
    vi: 'Cơ quan, tổ chức không được thành lập hoặc đăng ký hoạt động tại Việt Nam.',
    en: 'The organisation is not established or registered in Vietnam.',
  },
  organisation_dissolved: { vi: 'Tổ chức đã giải thể.', en: 'The organisation has been dissolved.' },
}

export const DEPENDENT_REFUSAL_MESSAGES: Record<DependentRefusal, Bilingual> = {
  representative_has_no_account: {
    vi: 'Người đại diện chưa có tài khoản định danh điện tử.',
    en: 'The representative has no e-ID account.',
  },
  representative_not_level_2: {
    vi: 'Người đại diện phải có tài khoản định danh điện tử mức độ 2.',
    en: 'The representative needs a level-2 e-ID account.',
  },
  representative_is_minor: {
    vi: 'Người đại diện phải đủ 18 tuổi.',
    en: 'The representative must be at least 18.',
  },
  representative_phone_not_own: {
    vi: 'Số điện thoại phải là thuê bao chính chủ của người đại diện.',
    en: "The phone number must be registered in the representative's own name.",
  },
  dependent_has_no_card: {
    vi: 'Người được đại diện chưa có thẻ căn cước (hoặc thẻ cư trú) còn hạn.',
    en: 'The dependent has no valid ID card (or residence card).',
  },
}

export const LOCK_GROUND_MESSAGES: Record<LockGround, Bilingual> = {
  deceased: { vi: 'Chủ tài khoản đã chết.', en: 'The holder has died.' },
  id_number_cancelled: {
    vi: 'Số định danh cá nhân đã bị hủy hoặc xác lập lại.',
    en: 'The personal ID number was cancelled or re-established.',
  },
  terms_breached: {
    vi: 'Vi phạm thỏa thuận sử dụng ứng dụng VNeID.',
    en: 'The VNeID terms of use were breached.',
  },
  card_revoked: { vi: 'Thẻ căn cước bị thu hồi hoặc tạm giữ.', en: 'The ID card was revoked or seized.' },
  card_expired: { vi: 'Thẻ căn cước đã hết hạn.', en: 'The ID card has expired.' },
  e_id_card_locked: { vi: 'Căn cước điện tử đang bị khóa.', en: 'The electronic ID card is locked.' },
  passport_expired: {
    vi: 'Hộ chiếu hoặc giấy tờ đi lại quốc tế đã hết hạn.',
    en: 'The passport or travel document has expired.',
  },
  residence_permit_expired: {
    vi: 'Thẻ thường trú hoặc tạm trú đã hết hạn.',
    en: 'The residence card has expired.',
  },
}
