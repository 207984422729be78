import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { LoginIcon } from '../../layout/icons'
import { ACCOUNT_ACTIONS } from './accountActions'
import { LinkCard } from './LinkCard'
import { citizenPaths } from './paths'

export const CitizenHome = () => {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('citizen.title')}</Title>
        <Text>{t('citizen.intro')}</Text>
      </Stack>

      <Paper
        withBorder
        radius="md"
        p="md"
        shadow="xs"
        component="section"
        aria-labelledby="login-entry-title"
      >
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={44} radius="xl" variant="light">
              <LoginIcon />
            </ThemeIcon>
            <Stack gap={0}>
              <Title order={2} size="h3" id="login-entry-title">
                {t('citizen.loginEntry.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('citizen.loginEntry.description')}
              </Text>
            </Stack>
          </Group>
          <Button component={Link} to={citizenPaths.login} size="lg" fullWidth>
            {t('citizen.login.submit')}
          </Button>
          <Group gap="lg" justify="center">
            <Anchor component={Link} to={citizenPaths.recover} size="sm">
              {t('citizen.login.forgot')}
            </Anchor>
            <Anchor component={Link} to={citizenPaths.unlock} size="sm">
              {t('citizen.login.unlock')}
            </Anchor>
          </Group>
        </Stack>
      </Paper>

      <section aria-labelledby="account-title">
        <Title order={2} size="h3" id="account-title" mb="xs">
          {t('citizen.accountTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('citizen.accountIntro')}
        </Text>
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {ACCOUNT_ACTIONS.map(({ action, path, Icon }) => (
            <li key={action}>
              <LinkCard
                to={path}
                Icon={Icon}
                title={t(`citizen.actions.${action}.title`)}
                description={t(`citizen.actions.${action}.description`)}
              />
            </li>
          ))}
        </Stack>
      </section>
    </Stack>
  )
}
