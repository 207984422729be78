import { Checkbox, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ROLES, type Role } from './adminApi'

type Props = {
  value: Role[]
  onChange: (roles: Role[]) => void
  error?: string | undefined
  disabled?: boolean
}

/** The roles an officer holds, each with what it allows (officers.permissions.ts on the server). */
export const RoleCheckboxes = ({ value, onChange, error, disabled }: Props) => {
  const { t } = useTranslation()
  return (
    <Checkbox.Group
      label={t('officer.admin.create.roles')}
      value={value}
      onChange={(picked) => onChange(ROLES.filter((r) => picked.includes(r)))}
      error={error}
      withAsterisk
    >
      <Stack gap="xs" mt="xs">
        {ROLES.map((r) => (
          <Checkbox
            key={r}
            value={r}
            label={t(`officer.admin.roles.${r}`)}
            description={t(`officer.admin.roleHints.${r}`)}
            disabled={disabled}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  )
}
