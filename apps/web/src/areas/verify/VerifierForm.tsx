import { Button, Group, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VerifierCredentials } from './verifierClient'

type Props = {
  current: VerifierCredentials | null
  onSave: (c: VerifierCredentials) => void
  onForget: () => void
}

/** The verifier's registered client, kept in this tab only (sessionStorage). */
export const VerifierForm = ({ current, onSave, onForget }: Props) => {
  const { t } = useTranslation()
  const [clientId, setClientId] = useState(current?.clientId ?? '')
  const [secret, setSecret] = useState('')
  const [authMethod, setAuthMethod] = useState<VerifierCredentials['authMethod']>(
    current?.authMethod ?? 'client_secret_basic',
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (clientId.trim() && secret) onSave({ clientId: clientId.trim(), secret, authMethod })
    setSecret('')
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="verifier-form-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="verifier-form-title">
          {t('verify.verifier.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('verify.verifier.intro')}
        </Text>
        {current ? (
          <Group justify="space-between">
            <Text size="sm" role="status">
              {t('verify.verifier.saved', { clientId: current.clientId })}
            </Text>
            <Button variant="subtle" size="xs" onClick={onForget}>
              {t('verify.verifier.forget')}
            </Button>
          </Group>
        ) : (
          <form onSubmit={submit}>
            <Stack gap="sm">
              <TextInput
                label={t('verify.verifier.clientId')}
                value={clientId}
                onChange={(e) => setClientId(e.currentTarget.value)}
                autoComplete="off"
                spellCheck={false}
                required
              />
              <PasswordInput
                label={t('verify.verifier.secret')}
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                autoComplete="off"
                required
              />
              <Select
                label={t('verify.verifier.authMethod')}
                data={['client_secret_basic', 'client_secret_post']}
                value={authMethod}
                onChange={(v) => v && setAuthMethod(v as VerifierCredentials['authMethod'])}
                allowDeselect={false}
              />
              <Button type="submit" variant="outline" disabled={!clientId.trim() || !secret}>
                {t('verify.verifier.save')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  )
}
