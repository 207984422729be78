import { Alert, Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { Activated } from '../accountsApi'
import { citizenPaths } from '../paths'

const usernameOf = (state: unknown): string | null => {
  const username = (state as Partial<Activated> | null)?.username
  return typeof username === 'string' ? username : null
}

/** The end of activation: the username is the personal ID number; next, sign in. */
export const ActivatedPage = () => {
  const { t } = useTranslation()
  const username = usernameOf(useLocation().state)
  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size={48} radius="xl" color="green" variant="light" aria-hidden="true">
          ✓
        </ThemeIcon>
        <Title order={1}>{t('citizen.activate.doneTitle')}</Title>
      </Group>
      <Alert color="green" variant="light" role="status">
        {username ? t('citizen.activate.doneBody', { username }) : t('citizen.activate.doneBodyNoName')}
      </Alert>
      <Text size="sm" c="dimmed">
        {t('citizen.activate.doneWarning')}
      </Text>
      <Button component={Link} to={citizenPaths.login} size="lg" fullWidth>
        {t('citizen.activate.login')}
      </Button>
    </Stack>
  )
}
