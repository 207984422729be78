import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useUnits } from './adminApi'

type Props = {
  label: string
  value: string | null
  onChange: (code: string | null) => void
  error?: string | undefined
  disabled?: boolean
}

/** A unit of the administrator's jurisdiction (GET /api/v1/officer/units). */
export const UnitSelect = ({ label, value, onChange, error, disabled }: Props) => {
  const { t } = useTranslation()
  const units = useUnits()
  return (
    <Select
      label={label}
      data={(units.data?.items ?? []).map((u) => ({
        value: u.code,
        label: `${u.name} (${u.code}, ${t(`officer.admin.levels.${u.level}`)})`,
      }))}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled === true || units.isPending}
      searchable
      withAsterisk
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  )
}
