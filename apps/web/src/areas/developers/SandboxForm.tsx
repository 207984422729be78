import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { developerError } from './developerErrors'
import { type Credentials, useSandboxClient } from './developersApi'

/** A sandbox deployment's test client, registered at once; its secret is shown once. */
export const SandboxForm = ({
  limit,
  onCredentials,
}: {
  limit: number
  onCredentials: (c: Credentials) => void
}) => {
  const { t } = useTranslation()
  const register = useSandboxClient()
  const [name, setName] = useState('')
  const [redirectUri, setRedirectUri] = useState('http://localhost:8080/callback')
  const k = 'developers.sandbox'
  const submit = (e: FormEvent) => {
    e.preventDefault()
    register.mutate(
      { name: name.trim(), scopes: ['openid', 'profile'], minLevel: 1, redirectUris: [redirectUri.trim()] },
      { onSuccess: (r) => onCredentials(r.credentials) },
    )
  }
  return (
    <form onSubmit={submit} aria-labelledby="sandbox-title">
      <Stack gap="sm">
        <Title order={2} id="sandbox-title">
          {t(`${k}.title`)}
        </Title>
        <Text>{t(`${k}.intro`, { limit })}</Text>
        <Group align="end" gap="sm">
          <TextInput
            label={t(`${k}.name`)}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={t(`${k}.redirectUri`)}
            required
            miw={280}
            value={redirectUri}
            onChange={(e) => setRedirectUri(e.currentTarget.value)}
          />
          <Button type="submit" loading={register.isPending}>
            {t(`${k}.submit`)}
          </Button>
        </Group>
        {register.error && (
          <Alert color="red" role="alert">
            {developerError(register.error, t, 'developers')}
          </Alert>
        )}
      </Stack>
    </form>
  )
}
