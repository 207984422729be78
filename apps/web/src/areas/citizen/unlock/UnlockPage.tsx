import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AccountErrorAlert } from '../accountErrors'
import { type Credentials, type UnlockFinished, useStartUnlock } from '../accountsApi'
import { BackToHome } from '../BackToHome'
import { citizenPaths } from '../paths'
import { useFocusOnChange } from '../useFocusOnChange'
import { UnlockCodeStep } from './UnlockCodeStep'
import { UnlockStartStep } from './UnlockStartStep'

type Started = { credentials: Credentials; phoneHint: string }

const Result = ({ result }: { result: UnlockFinished }) => {
  const { t } = useTranslation()
  const stillLocked = result.status === 'locked' || result.remainingLocks > 0
  return (
    <Stack gap="md">
      <Alert
        color={stillLocked ? 'orange' : 'green'}
        variant="light"
        role="status"
        data-status={result.status}
      >
        {stillLocked
          ? t('citizen.unlock.stillLocked', { count: result.remainingLocks })
          : t('citizen.unlock.unlocked')}
      </Alert>
      {!stillLocked && (
        <Button component={Link} to={citizenPaths.login} size="lg" fullWidth>
          {t('citizen.login.submit')}
        </Button>
      )}
    </Stack>
  )
}

/** Unlocking a lock the holder made: the password, then a code sent to the registered phone. */
export const UnlockPage = () => {
  const { t } = useTranslation()
  const resend = useStartUnlock()
  const [started, setStarted] = useState<Started | null>(null)
  const [result, setResult] = useState<UnlockFinished | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const step = result ? 3 : started ? 2 : 1
  useFocusOnChange(headingRef, step)

  return (
    <Stack gap="lg">
      <BackToHome />
      <Stack gap={4}>
        <Title order={1}>{t('citizen.unlock.title')}</Title>
        <Text c="dimmed">{t('citizen.unlock.intro')}</Text>
      </Stack>
      <Title order={2} size="h3" id="unlock-step-title" ref={headingRef} tabIndex={-1}>
        {t(`citizen.unlock.step${step}`)}
      </Title>
      {result && <Result result={result} />}
      {!result && started && (
        <>
          <Alert color="blue" variant="light" role="status">
            <Text size="sm">{t('citizen.login.codeSent', { phone: started.phoneHint })}</Text>
            {resend.isSuccess && <Text size="sm">{t('citizen.activate.resent')}</Text>}
          </Alert>
          {resend.error && <AccountErrorAlert error={resend.error} />}
          <UnlockCodeStep username={started.credentials.username} onDone={setResult} />
          <Button
            variant="outline"
            size="md"
            loading={resend.isPending}
            onClick={() => resend.mutate(started.credentials)}
          >
            {t('citizen.activate.resend')}
          </Button>
        </>
      )}
      {!started && (
        <UnlockStartStep onSent={(credentials, phoneHint) => setStarted({ credentials, phoneHint })} />
      )}
    </Stack>
  )
}
