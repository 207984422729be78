import { type ComboboxItem, type OptionsFilter, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PROVINCES } from './provinces'

const DATA: ComboboxItem[] = PROVINCES.map((p) => ({ value: p.code, label: p.name }))

/** Lower-case, without Vietnamese diacritics, so "ha noi" or "da nang" find "Hà Nội" and "Đà Nẵng". */
export const foldVietnamese = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim()

const filter: OptionsFilter = ({ options, search }) => {
  const q = foldVietnamese(search)
  if (!q) return options
  return options.filter((o) => 'value' in o && (foldVietnamese(o.label).includes(q) || o.value.startsWith(q)))
}

type Props = { value: string | null; onChange: (code: string | null) => void }

export const ProvinceSelect = ({ value, onChange }: Props) => {
  const { t } = useTranslation()
  return (
    <Select
      label={t('officer.search.province')}
      description={t('officer.search.provinceDescription')}
      placeholder={t('officer.search.provincePlaceholder')}
      nothingFoundMessage={t('officer.search.provinceNothingFound')}
      data={DATA}
      value={value}
      onChange={(code) => onChange(code)}
      filter={filter}
      searchable
      clearable
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  )
}
