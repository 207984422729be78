import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { OFFICER_PASSWORD_PATH } from './officerHome'
import { useOfficerLogout, useOfficerMe } from './officerSessionApi'
import { OFFICER_LOGIN_PATH } from './RequireOfficer'

/** Who is logged in to the officer portal (name, number, unit) and the way out; nothing when logged out. */
export const OfficerSessionBar = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const me = useOfficerMe()
  const logout = useOfficerLogout()
  if (!me.data) return null
  const o = me.data
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('officer.session.label')}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={0}>
          <Text fw={700}>
            {o.fullName}{' '}
            <Text span ff="monospace" fw={600}>
              ({o.officerNumber})
            </Text>
          </Text>
          <Text size="sm" c="dimmed">
            {o.unit.name}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="subtle" component={Link} to={OFFICER_PASSWORD_PATH}>
            {t('officer.admin.session.changePassword')}
          </Button>
          <Button
            variant="outline"
            loading={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate(OFFICER_LOGIN_PATH) })}
          >
            {t('officer.session.logout')}
          </Button>
        </Group>
      </Group>
    </Paper>
  )
}
