import { useTranslation } from 'react-i18next'

const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const

/** Numbers and times in the page's language; times in Vietnam's zone, where the checks are made. */
export const useBiometricFormat = () => {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? LOCALES.en : LOCALES.vi
  const number = (n: number, digits = 2) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(n)
  const score = (n: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    }).format(new Date(iso))
  return { number, score, time }
}
