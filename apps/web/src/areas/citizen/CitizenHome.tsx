import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ChevronRightIcon } from '../../layout/icons'
import { ACCOUNT_ACTIONS } from './accountActions'

export const CitizenHome = () => {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('citizen.title')}</Title>
        <Text>{t('citizen.intro')}</Text>
      </Stack>

      <section aria-labelledby="account-title">
        <Group justify="space-between" align="center" mb="xs" gap="xs">
          <Title order={2} size="h3" id="account-title">
            {t('citizen.accountTitle')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          {t('citizen.accountIntro')}
        </Text>
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {ACCOUNT_ACTIONS.map(({ action, path, Icon }) => (
            <li key={action}>
              <Paper withBorder radius="md" shadow="xs">
                <UnstyledButton component={Link} to={path} p="md" w="100%" className="dd-action-link">
                  <Group wrap="nowrap" gap="md">
                    <ThemeIcon size={44} radius="xl" variant="light">
                      <Icon />
                    </ThemeIcon>
                    <Stack gap={2} style={{ flex: 1 }}>
                      <Text fw={700}>{t(`citizen.actions.${action}.title`)}</Text>
                      {action === 'login' && (
                        <Badge color="yellow" c="dark" variant="filled" size="sm">
                          {t('common.comingSoon')}
                        </Badge>
                      )}
                      <Text size="sm" c="dimmed">
                        {t(`citizen.actions.${action}.description`)}
                      </Text>
                    </Stack>
                    <ChevronRightIcon />
                  </Group>
                </UnstyledButton>
              </Paper>
            </li>
          ))}
        </Stack>
      </section>
    </Stack>
  )
}
