import { type PersonalId, type PersonalIdOptions, parsePersonalId } from './personal-id.js'
import type { Result } from './result.js'

export type Lang = 'vi' | 'en'

const originText = (id: PersonalId, lang: Lang): string => {
  if (id.province) {
    return lang === 'vi'
      ? `nơi đăng ký khai sinh: ${id.province.nameVi} (mã ${id.provinceCode})`
      : `birth registered in ${id.province.nameEn} (code ${id.provinceCode})`
  }
  if (id.countryCode) {
    return lang === 'vi'
      ? `đăng ký khai sinh ở nước ngoài (mã quốc gia ${id.countryCode})`
      : `birth registered abroad (country code ${id.countryCode})`
  }
  return lang === 'vi'
    ? `mã nơi đăng ký khai sinh ${id.provinceCode} (không có trong bảng)`
    : `unlisted birth-registration code ${id.provinceCode}`
}

const describe = (id: PersonalId, lang: Lang): string => {
  const from = id.century * 100
  const to = from + 99
  const g = id.value[3]
  return lang === 'vi'
    ? `${id.value}: ${originText(id, lang)}; chữ số thế kỷ-giới tính ${g}: giới tính ${id.gender === 'male' ? 'nam' : 'nữ'}, sinh trong khoảng ${from}–${to}; năm sinh ${id.birthYear}; dãy số ngẫu nhiên ${id.serial}.`
    : `${id.value}: ${originText(id, lang)}; century-and-gender digit ${g}: ${id.gender}, born ${from}–${to}; birth year ${id.birthYear}; random serial ${id.serial}.`
}

// Plain-language reading of a number, for officers and citizens checking a card.
export const explainPersonalId = (
  id: string,
  lang: Lang = 'vi',
  options: PersonalIdOptions = {},
): Result<string> => {
  const parsed = parsePersonalId(id, options)
  // Failures keep the English message; a UI shows VN_ID_MESSAGES_VI[code] like for every other failure.
  return parsed.ok ? { ok: true, value: describe(parsed.value, lang) } : parsed
}
