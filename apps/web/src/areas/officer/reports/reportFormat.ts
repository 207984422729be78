import { useTranslation } from 'react-i18next'

const FORMATS = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
}

/** Counts as the reader writes them: 1.234 in Vietnamese, 1,234 in English. */
export const useCountFormat = () => {
  const { i18n } = useTranslation()
  const f = i18n.language === 'en' ? FORMATS.en : FORMATS.vi
  return (n: number) => f.format(n)
}

/** 'YYYY-MM-DD' as DD/MM/YYYY. */
export const formatDay = (day: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day
}

/** A unit as a heading names it: its name, and its code unless the name already holds it. */
export const unitTitle = (u: { code: string; name: string }) =>
  u.name.includes(u.code) ? u.name : `${u.name} (${u.code})`
