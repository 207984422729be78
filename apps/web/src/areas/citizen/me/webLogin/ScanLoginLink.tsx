import { Group, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ChevronRightIcon, LoginIcon } from '../../../../layout/icons'
import { citizenPaths } from '../../paths'

/** On the home screen of a level 2 holder: "Scan to log in" on a website. */
export const ScanLoginLink = () => {
  const { t } = useTranslation()
  return (
    <Paper withBorder radius="md" shadow="xs">
      <UnstyledButton component={Link} to={citizenPaths.scanLogin} p="md" w="100%" className="dd-action-link">
        <Group wrap="nowrap" gap="md">
          <ThemeIcon size={44} radius="xl" variant="light">
            <LoginIcon />
          </ThemeIcon>
          <Stack gap={2} style={{ flex: 1 }}>
            <Text fw={700}>{t('webLogin.homeLink.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('webLogin.homeLink.description')}
            </Text>
          </Stack>
          <ChevronRightIcon />
        </Group>
      </UnstyledButton>
    </Paper>
  )
}
