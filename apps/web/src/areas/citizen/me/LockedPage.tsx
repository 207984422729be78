import { Alert, Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { LockIcon } from '../../../layout/icons'
import { BackToHome } from '../BackToHome'
import { citizenPaths } from '../paths'

/** After the holder locked the account: what that means and how to undo it. */
export const LockedPage = () => {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size={48} radius="xl" color="orange" variant="light">
          <LockIcon />
        </ThemeIcon>
        <Title order={1}>{t('citizen.locked.title')}</Title>
      </Group>
      <Alert color="orange" variant="light" role="status">
        {t('citizen.locked.body')}
      </Alert>
      <Text size="sm">{t('citizen.locked.howToUnlock')}</Text>
      <Button component={Link} to={citizenPaths.unlock} size="lg" fullWidth>
        {t('citizen.login.unlock')}
      </Button>
      <BackToHome />
    </Stack>
  )
}
