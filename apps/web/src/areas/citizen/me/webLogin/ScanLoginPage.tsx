import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CameraToggle, qrScanMessages } from '../../../../camera/CameraToggle'
import { citizenPaths } from '../../paths'
import { formatVnDateTime } from '../../vnTime'
import { BackToAccount } from '../BackToAccount'
import { useAccount } from '../RequireSession'
import { useStepUp } from '../StepUpDialog'
import { loginCodeOf, useDecideWebLogin, useInspectWebLogin, type WebLoginRequest } from './webLoginApi'
import { WebLoginErrorAlert } from './webLoginErrors'

const GIVE_UP_MS = 60_000

/**
 * "Scan to log in": the holder scans (or types) the code a service's login page shows, sees which service
 * asks and from which browser, then approves or refuses. Level 2 accounts with the setting on only.
 */
export const ScanLoginPage = () => {
  const { t } = useTranslation()
  const me = useAccount()
  const [code, setCode] = useState<string | null>(null)
  const [request, setRequest] = useState<WebLoginRequest | null>(null)
  const inspect = useInspectWebLogin()
  const decide = useDecideWebLogin()
  const restart = () => {
    setCode(null)
    setRequest(null)
    inspect.reset()
    decide.reset()
  }
  const read = (text: string) => {
    const found = loginCodeOf(text)
    if (!found) return false
    setCode(found)
    inspect.mutate(found, { onSuccess: setRequest })
    return true
  }
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('webLogin.scan.title')}</Title>
        <Text c="dimmed">{t('webLogin.scan.intro')}</Text>
      </Stack>
      {me.level < 2 ? (
        <Alert color="yellow" variant="light">
          {t('webLogin.scan.notLevel2')}
        </Alert>
      ) : decide.data ? (
        <Stack gap="md">
          <Alert color={decide.data.decision === 'approved' ? 'green' : 'gray'} variant="light" role="status">
            {t(decide.data.decision === 'approved' ? 'webLogin.done.approved' : 'webLogin.done.refused')}
          </Alert>
          <Button variant="outline" size="md" onClick={restart}>
            {t('webLogin.done.again')}
          </Button>
        </Stack>
      ) : request && code ? (
        <Review request={request} code={code} decide={decide} onCancel={restart} />
      ) : (
        <CodeEntry onCode={read} pending={inspect.isPending} />
      )}
      {inspect.error && <WebLoginErrorAlert error={inspect.error} />}
      {inspect.error?.code === 'oidc.QR_LOGIN_NOT_ALLOWED' && (
        <Button component={Link} to={citizenPaths.security} variant="outline" w="fit-content">
          {t('webLogin.scan.openSecurity')}
        </Button>
      )}
    </Stack>
  )
}

const CodeEntry = ({ onCode, pending }: { onCode: (text: string) => boolean; pending: boolean }) => {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  const [formatError, setFormatError] = useState(false)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setFormatError(!onCode(typed))
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <CameraToggle
          accept={onCode}
          label={t('webLogin.scan.useCamera')}
          hint={t('webLogin.scan.cameraHint')}
          messages={qrScanMessages(t, 'webLogin.scan')}
          giveUpAfterMs={GIVE_UP_MS}
        />
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('webLogin.scan.code')}
              description={t('webLogin.scan.codeDescription')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value.toUpperCase().slice(0, 24))}
              error={formatError ? t('webLogin.errors.codeFormat') : undefined}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              size="md"
              required
            />
            <Button type="submit" size="md" loading={pending}>
              {t('webLogin.scan.next')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  )
}

type ReviewProps = {
  request: WebLoginRequest
  code: string
  decide: ReturnType<typeof useDecideWebLogin>
  onCancel: () => void
}

const Review = ({ request, code, decide, onCancel }: ReviewProps) => {
  const { t } = useTranslation()
  const stepUp = useStepUp()
  const refusing = decide.isPending && decide.variables?.decision === 'refuse'
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="web-login-review">
      <Stack gap="sm">
        <Title order={2} size="h3" id="web-login-review">
          {t('webLogin.review.title')}
        </Title>
        <Text fw={700} size="lg">
          {t('webLogin.review.asks', { client: request.clientName })}
        </Text>
        <dl style={{ margin: 0 }}>
          <Text component="dt" fw={600}>
            {t('webLogin.review.purpose')}
          </Text>
          <Text component="dd" m={0} mb="xs">
            {request.purpose ?? t('webLogin.review.purposeMissing')}
          </Text>
          <Text component="dt" fw={600}>
            {t('webLogin.review.browser')}
          </Text>
          <Text component="dd" m={0} mb="xs">
            {request.browser}
          </Text>
          <Text component="dt" fw={600}>
            {t('webLogin.review.address')}
          </Text>
          <Text component="dd" m={0} mb="xs">
            {request.ip}
          </Text>
          <Text component="dt" fw={600}>
            {t('webLogin.review.requestedAt')}
          </Text>
          <Text component="dd" m={0} mb="xs">
            {formatVnDateTime(request.createdAt)}
          </Text>
        </dl>
        <Alert color="yellow" variant="light">
          {t('webLogin.review.warning')}
        </Alert>
        {decide.error && decide.error.code !== 'accounts.STEP_UP_REQUIRED' && (
          <WebLoginErrorAlert error={decide.error} />
        )}
        <Group grow>
          <Button
            size="md"
            loading={decide.isPending && !refusing}
            onClick={() => void stepUp.run(() => decide.mutateAsync({ code, decision: 'approve' }))}
          >
            {t('webLogin.review.approve')}
          </Button>
          <Button
            size="md"
            variant="outline"
            color="red.9"
            loading={refusing}
            onClick={() => decide.mutate({ code, decision: 'refuse' }, { onError: () => undefined })}
          >
            {t('webLogin.review.refuse')}
          </Button>
        </Group>
        <Button variant="subtle" onClick={onCancel} w="fit-content">
          {t('webLogin.done.again')}
        </Button>
      </Stack>
    </Paper>
  )
}
