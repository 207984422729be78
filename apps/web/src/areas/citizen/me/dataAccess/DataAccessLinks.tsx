import { Group, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ChevronRightIcon, HistoryIcon, LoginIcon } from '../../../../layout/icons'
import { citizenPaths } from '../../paths'

const LINKS = [
  { key: 'connections', path: citizenPaths.connections, Icon: LoginIcon },
  { key: 'log', path: citizenPaths.dataAccess, Icon: HistoryIcon },
] as const

/** On the holder's home: connected services and the data-access log. */
export const DataAccessLinks = () => {
  const { t } = useTranslation()
  return (
    <>
      {LINKS.map(({ key, path, Icon }) => (
        <li key={key}>
          <Paper withBorder radius="md" shadow="xs">
            <UnstyledButton component={Link} to={path} p="md" w="100%" className="dd-action-link">
              <Group wrap="nowrap" gap="md">
                <ThemeIcon size={44} radius="xl" variant="light">
                  <Icon />
                </ThemeIcon>
                <Stack gap={2} style={{ flex: 1 }}>
                  <Text fw={700}>{t(`dataAccess.homeLinks.${key}.title`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`dataAccess.homeLinks.${key}.description`)}
                  </Text>
                </Stack>
                <ChevronRightIcon />
              </Group>
            </UnstyledButton>
          </Paper>
        </li>
      ))}
    </>
  )
}
