import { NativeSelect } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { changeLanguage, currentLanguage } from '../i18n'
import { isLanguage, LANGUAGES } from '../i18n/types'

export const LanguageSwitch = () => {
  const { t } = useTranslation()
  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      w={120}
      value={currentLanguage()}
      onChange={(event) => {
        const value = event.currentTarget.value
        if (isLanguage(value)) void changeLanguage(value)
      }}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  )
}
