import { Button, Group, Paper, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ChevronRightIcon, HistoryIcon, ShieldIcon, UsersIcon } from '../../../layout/icons'
import { AccountErrorAlert } from '../accountErrors'
import { citizenPaths } from '../paths'
import { DataAccessLinks } from './dataAccess/DataAccessLinks'
import { IdentityCard } from './IdentityCard'
import { useLogout } from './meApi'
import { useAccount } from './RequireSession'
import { ScanLoginLink } from './webLogin/ScanLoginLink'

const QUICK_LINKS = [
  { key: 'security', path: citizenPaths.security, Icon: ShieldIcon },
  { key: 'history', path: citizenPaths.history, Icon: HistoryIcon },
  { key: 'dependents', path: citizenPaths.dependents, Icon: UsersIcon },
] as const

/** The holder's home: the e-ID card, then where to look after the account. */
export const HomePage = () => {
  const { t } = useTranslation()
  const me = useAccount()
  const navigate = useNavigate()
  const logout = useLogout()
  return (
    <Stack gap="lg">
      <Title order={1}>{t('citizen.me.homeTitle')}</Title>
      <IdentityCard me={me} />
      {me.level >= 2 && <ScanLoginLink />}
      <nav aria-label={t('citizen.me.quickLinks')}>
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {QUICK_LINKS.map(({ key, path, Icon }) => (
            <li key={key}>
              <Paper withBorder radius="md" shadow="xs">
                <UnstyledButton component={Link} to={path} p="md" w="100%" className="dd-action-link">
                  <Group wrap="nowrap" gap="md">
                    <ThemeIcon size={44} radius="xl" variant="light">
                      <Icon />
                    </ThemeIcon>
                    <Stack gap={2} style={{ flex: 1 }}>
                      <Text fw={700}>{t(`citizen.me.links.${key}.title`)}</Text>
                      <Text size="sm" c="dimmed">
                        {t(`citizen.me.links.${key}.description`)}
                      </Text>
                    </Stack>
                    <ChevronRightIcon />
                  </Group>
                </UnstyledButton>
              </Paper>
            </li>
          ))}
          <DataAccessLinks />
        </Stack>
      </nav>
      {logout.error && <AccountErrorAlert error={logout.error} />}
      <Button
        variant="outline"
        size="md"
        fullWidth
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSuccess: () => navigate(citizenPaths.login) })}
      >
        {t('citizen.me.logout')}
      </Button>
    </Stack>
  )
}
