import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { isLanguage, type Language } from './types'
import { vi } from './vi'

const STORAGE_KEY = 'dinhdanh.language'

const readStoredLanguage = (): Language => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return isLanguage(stored) ? stored : 'vi'
  } catch {
    return 'vi'
  }
}

const applyToDocument = (language: string) => {
  const lang: Language = isLanguage(language) ? language : 'vi'
  document.documentElement.lang = lang
  document.title = i18n.t('app.documentTitle', { lng: lang })
}

export const changeLanguage = async (language: Language) => {
  try {
    window.localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  await i18n.changeLanguage(language)
}

export const currentLanguage = (): Language =>
  isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi'

i18n.on('languageChanged', applyToDocument)

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: readStoredLanguage(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
})

applyToDocument(i18n.language)

export default i18n
