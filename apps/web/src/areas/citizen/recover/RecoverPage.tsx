import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AccountErrorAlert } from '../accountErrors'
import { type RecoveryStart, useStartRecovery } from '../accountsApi'
import { BackToHome } from '../BackToHome'
import { citizenPaths } from '../paths'
import { useFocusOnChange } from '../useFocusOnChange'
import { RecoverFinishStep } from './RecoverFinishStep'
import { RecoverStartStep } from './RecoverStartStep'

/** Forgotten password: five identity facts, then the SMS code and a new password. */
export const RecoverPage = () => {
  const { t } = useTranslation()
  const resend = useStartRecovery()
  const [started, setStarted] = useState<RecoveryStart | null>(null)
  const [details, setDetails] = useState<RecoveryStart | null>(null)
  const [done, setDone] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const step = done ? 3 : started ? 2 : 1
  useFocusOnChange(headingRef, step)

  return (
    <Stack gap="lg">
      <BackToHome />
      <Stack gap={4}>
        <Title order={1}>{t('citizen.recover.title')}</Title>
        <Text c="dimmed">{t('citizen.recover.intro')}</Text>
      </Stack>
      <Stack gap={2}>
        {!done && (
          <Text size="sm" fw={600} c="brand.8">
            {t('citizen.stepOf', { step, total: 2 })}
          </Text>
        )}
        <Title order={2} size="h3" id="recover-step-title" ref={headingRef} tabIndex={-1}>
          {t(`citizen.recover.step${step}`)}
        </Title>
      </Stack>
      {done && (
        <>
          <Alert color="green" variant="light" role="status">
            {t('citizen.recover.doneBody')}
          </Alert>
          <Button component={Link} to={citizenPaths.login} size="lg" fullWidth>
            {t('citizen.login.submit')}
          </Button>
        </>
      )}
      {!done && started && (
        <>
          <Alert color="blue" variant="light" role="status" title={t('citizen.activate.sent')}>
            <Text size="sm">{t('citizen.recover.sentBody')}</Text>
            {resend.isSuccess && <Text size="sm">{t('citizen.activate.resent')}</Text>}
          </Alert>
          {resend.error && <AccountErrorAlert error={resend.error} />}
          <RecoverFinishStep start={started} onDone={() => setDone(true)} />
          <Button
            variant="outline"
            size="md"
            loading={resend.isPending}
            onClick={() => resend.mutate(started)}
          >
            {t('citizen.activate.resend')}
          </Button>
          <Button
            variant="subtle"
            size="md"
            onClick={() => {
              setDetails(started)
              setStarted(null)
              resend.reset()
            }}
          >
            {t('citizen.activate.changeDetails')}
          </Button>
        </>
      )}
      {!started && <RecoverStartStep initial={details} onSent={setStarted} />}
    </Stack>
  )
}
