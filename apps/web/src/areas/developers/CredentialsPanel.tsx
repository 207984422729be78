import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Credentials } from './developersApi'

const Row = ({ label, value }: { label: string; value: string }) => {
  const { t } = useTranslation()
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code style={{ wordBreak: 'break-all' }} data-testid={label}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant="light"
              onClick={copy}
              aria-label={`${t('developers.credentials.copy')}: ${label}`}
            >
              {copied ? t('developers.credentials.copied') : t('developers.credentials.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  )
}

/** The credentials, shown once: the secret cannot be shown again (the server keeps only its hash). */
export const CredentialsPanel = ({
  credentials,
  onDone,
}: {
  credentials: Credentials
  onDone: () => void
}) => {
  const { t } = useTranslation()
  const k = 'developers.credentials'
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="credentials-title" bg="green.0">
      <Stack gap="sm">
        <Title order={2} size="h4" id="credentials-title">
          {t(`${k}.title`)}
        </Title>
        <Text fw={600}>{credentials.client_secret ? t(`${k}.once`) : t(`${k}.noSecret`)}</Text>
        <Row label={t(`${k}.clientId`)} value={credentials.client_id} />
        {credentials.client_secret && <Row label={t(`${k}.secret`)} value={credentials.client_secret} />}
        <Row label={t(`${k}.issuer`)} value={credentials.issuer} />
        <Row label={t(`${k}.discovery`)} value={credentials.discovery} />
        <div>
          <Button variant="outline" onClick={onDone}>
            {t(`${k}.done`)}
          </Button>
        </div>
      </Stack>
    </Paper>
  )
}
