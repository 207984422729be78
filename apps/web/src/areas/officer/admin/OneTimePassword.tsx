import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

type Props = { officerNumber: string; password: string }

/** A one-time password, shown once, to be handed to the officer in person. */
export const OneTimePassword = ({ officerNumber, password }: Props) => {
  const { t } = useTranslation()
  const url = `${window.location.origin}/officer/login`
  return (
    <Alert color="yellow" variant="light" title={t('officer.admin.oneTime.title')} role="status">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Code fz="lg" fw={700} data-one-time-password={password}>
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button variant="outline" size="compact-sm" onClick={copy}>
                {copied ? t('officer.admin.oneTime.copied') : t('officer.admin.oneTime.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" fw={600}>
          {t('officer.admin.oneTime.warning', { number: officerNumber })}
        </Text>
        <Text size="sm">{t('officer.admin.oneTime.next', { url })}</Text>
      </Stack>
    </Alert>
  )
}
