import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { TryResultView } from './TryResultView'
import { finishTryLogin, ProviderError, type TryResult } from './tryLoginFlow'

const LOCAL = ['no_login_in_progress', 'state_mismatch', 'issuer_mismatch'] as const
const isLocal = (e: string): e is (typeof LOCAL)[number] => (LOCAL as readonly string[]).includes(e)

/** The provider's or the token endpoint's error, as they said it (error, then error_description). */
const Failure = ({ error }: { error: unknown }) => {
  const { t } = useTranslation()
  const k = 'tryLogin.callback'
  const e = error instanceof ProviderError ? error : new ProviderError('error', String(error), 'local')
  return (
    <Alert color="red" role="alert" title={t(`${k}.failed`)}>
      <Stack gap={4}>
        <Text fw={600}>{t(`${k}.step.${e.step}`)}</Text>
        {e.step === 'local' && isLocal(e.error) ? (
          <Text>{t(`${k}.local.${e.error}`)}</Text>
        ) : (
          <Text ff="monospace" data-testid="try-error">
            error={e.error}
            {e.description ? ` · error_description=${e.description}` : ''}
          </Text>
        )}
      </Stack>
    </Alert>
  )
}

/** /developers/try/callback: where the provider sends the developer back with a code (or an error). */
export const TryCallbackPage = () => {
  const { t } = useTranslation()
  const k = 'tryLogin.callback'
  // The query is read once: the address bar drops the code at once (it must not linger in history).
  const [query] = useState(() => new URLSearchParams(window.location.search))
  useEffect(() => window.history.replaceState(null, '', window.location.pathname), [])
  // One exchange per answer, even when React renders twice: the query's key is the answer itself.
  const result = useQuery<TryResult>({
    queryKey: ['tryLogin', query.toString()],
    queryFn: () => finishTryLogin(query, () => new Date()),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  })
  const again = result.data
    ? `/developers/try?client=${encodeURIComponent(result.data.clientId)}`
    : '/developers/try'
  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Title order={1}>{t(`${k}.title`)}</Title>
      {result.isPending && (
        <Group>
          <Loader size="sm" aria-hidden />
          <Text>{t(`${k}.working`)}</Text>
        </Group>
      )}
      {result.error && <Failure error={result.error} />}
      {result.data && <TryResultView result={result.data} />}
      {!result.isPending && (
        <Group>
          <Anchor component={Link} to={again}>
            {t(`${k}.tryAgain`)}
          </Anchor>
          <Anchor component={Link} to="/developers">
            {t('tryLogin.page.back')}
          </Anchor>
        </Group>
      )}
    </Stack>
  )
}
