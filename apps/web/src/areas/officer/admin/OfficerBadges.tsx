import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ManagedOfficer, Role } from './adminApi'

export const RoleBadges = ({ roles }: { roles: readonly Role[] }) => {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((r) => (
        <Badge key={r} variant="outline" color="brand.8" tt="none">
          {t(`officer.admin.roles.${r}`)}
        </Badge>
      ))}
    </Group>
  )
}

/** The account's state: active or suspended, and what the next login still owes. */
export const StatusBadges = ({ officer }: { officer: ManagedOfficer }) => {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={officer.status === 'active' ? 'teal.9' : 'red.9'} variant="filled" tt="none">
        {t(`officer.admin.status.${officer.status}`)}
      </Badge>
      {!officer.enrolled && (
        <Badge color="yellow.9" variant="outline" tt="none">
          {t('officer.admin.officers.notEnrolled')}
        </Badge>
      )}
      {officer.enrolled && officer.passwordChangeRequired && (
        <Badge color="yellow.9" variant="outline" tt="none">
          {t('officer.admin.officers.mustChangePassword')}
        </Badge>
      )}
    </Group>
  )
}
