import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  Group,
  Loader,
  NativeSelect,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { type Application, useConsoleConfig, useMyApplications } from '../developersApi'
import { DemoPeopleHint } from './DemoPeopleHint'
import { secretClient, triable } from './triable'
import { forgetSecret, ProviderError, rememberedSecret, startTryLogin } from './tryLoginFlow'

const ACR = {
  '': 'acrDefault',
  'urn:dinhdanh:loa:1': 'acrLevel1',
  'urn:dinhdanh:loa:2': 'acrLevel2',
} as const

/** The form for one test client: the secret, the scopes and the level, then off to the provider. */
const TryForm = ({ app, redirectUri }: { app: Application; redirectUri: string }) => {
  const { t } = useTranslation()
  const k = 'tryLogin.page'
  const clientId = app.clientId ?? ''
  const [secret, setSecret] = useState(() => rememberedSecret(clientId))
  const [scopes, setScopes] = useState<string[]>(app.scopes)
  const [acr, setAcr] = useState<keyof typeof ACR>('')
  const [promptLogin, setPromptLogin] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!secretClient(app)) return <Alert color="yellow">{t(`${k}.unsupported`)}</Alert>
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    startTryLogin({
      clientId,
      secret: secret.trim(),
      authMethod: app.authMethod === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
      redirectUri,
      scopes,
      acr: acr || null,
      promptLogin,
    }).catch((err: unknown) => {
      setBusy(false)
      setError(err instanceof ProviderError ? err.message : String(err))
    })
  }
  return (
    <form onSubmit={submit} aria-labelledby="try-title">
      <Stack gap="sm">
        <PasswordInput
          label={t(`${k}.secret`)}
          description={t(`${k}.secretHelp`)}
          required
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          autoComplete="off"
        />
        <Checkbox.Group label={t(`${k}.scopes`)} value={scopes} onChange={setScopes}>
          <Group gap="md" mt={4}>
            {app.scopes.map((s) => (
              <Checkbox key={s} value={s} label={s} disabled={s === 'openid'} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t(`${k}.acr`)}
          value={acr}
          onChange={(e) => setAcr(e.currentTarget.value as keyof typeof ACR)}
          data={Object.entries(ACR).map(([value, key]) => ({ value, label: t(`${k}.${key}`) }))}
        />
        <Checkbox
          label={t(`${k}.promptLogin`)}
          checked={promptLogin}
          onChange={(e) => setPromptLogin(e.currentTarget.checked)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            {t(`${k}.submit`)}
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              forgetSecret(clientId)
              setSecret('')
            }}
          >
            {t(`${k}.forgetSecret`)}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** /developers/try?client=…: a real login with one of the developer's sandbox clients. */
export const TryLoginPage = () => {
  const { t } = useTranslation()
  const k = 'tryLogin.page'
  const config = useConsoleConfig()
  const mine = useMyApplications()
  const [params, setParams] = useSearchParams()
  const clients = (mine.data?.items ?? []).filter(triable)
  const chosen = clients.find((a) => a.clientId === params.get('client')) ?? clients[0]
  const redirectUri = config.data?.tryLoginRedirectUri
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Stack gap={4}>
        <Title order={1} id="try-title">
          {t(`${k}.title`)}
        </Title>
        <Text>{t(`${k}.intro`)}</Text>
        <Anchor component={Link} to="/developers" size="sm">
          {t(`${k}.back`)}
        </Anchor>
      </Stack>
      {(config.isPending || mine.isPending) && <Loader aria-label={t('common.loading')} />}
      {config.error && <ErrorAlert error={config.error} />}
      {mine.error && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {config.data && !redirectUri && <Alert color="yellow">{t(`${k}.notSandbox`)}</Alert>}
      {redirectUri && mine.data && clients.length === 0 && <Text>{t(`${k}.clientNone`)}</Text>}
      {redirectUri && chosen && (
        <>
          <NativeSelect
            label={t(`${k}.client`)}
            value={chosen.clientId ?? ''}
            onChange={(e) => setParams({ client: e.currentTarget.value }, { replace: true })}
            data={clients.map((a) => ({
              value: a.clientId ?? '',
              label: `${a.service.name} (${a.clientId})`,
            }))}
          />
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t(`${k}.redirectUri`)}
            </Text>
            <Code>{redirectUri}</Code>
          </Stack>
          <TryForm key={chosen.clientId} app={chosen} redirectUri={redirectUri} />
          <DemoPeopleHint />
        </>
      )}
    </Stack>
  )
}
