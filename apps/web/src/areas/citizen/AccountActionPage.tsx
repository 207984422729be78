import { Alert, Badge, Button, List, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ACCOUNT_ACTIONS, type AccountAction } from './accountActions'

/** Placeholder screen for an account flow: real navigation, clearly marked as coming in a later release. */
export const AccountActionPage = ({ action }: { action: Extract<AccountAction, 'login'> }) => {
  const { t } = useTranslation()
  const entry = ACCOUNT_ACTIONS.find((a) => a.action === action)
  return (
    <Stack gap="lg">
      <Button component={Link} to="/app" variant="subtle" px={0} w="fit-content">
        ← {t('citizen.backToHome')}
      </Button>
      <Stack gap="xs" align="flex-start">
        {entry && (
          <ThemeIcon size={56} radius="xl" variant="light">
            <entry.Icon size={30} />
          </ThemeIcon>
        )}
        <Title order={1}>{t(`citizen.actions.${action}.title`)}</Title>
        <Badge color="yellow" c="dark" variant="filled">
          {t('common.comingSoon')}
        </Badge>
        <Text>{t(`citizen.actions.${action}.description`)}</Text>
      </Stack>
      <Alert color="blue" variant="light" title={t('common.comingSoon')}>
        {t('citizen.previewNotice')}
      </Alert>
      <section aria-labelledby="steps-title">
        <Title order={2} size="h4" id="steps-title" mb="sm">
          {t('citizen.stepsTitle')}
        </Title>
        <List type="ordered" spacing="sm">
          <List.Item>{t(`citizen.actions.${action}.steps.one`)}</List.Item>
          <List.Item>{t(`citizen.actions.${action}.steps.two`)}</List.Item>
          <List.Item>{t(`citizen.actions.${action}.steps.three`)}</List.Item>
        </List>
      </section>
      <Button fullWidth size="md" disabled>
        {t(`citizen.actions.${action}.title`)}
      </Button>
    </Stack>
  )
}
