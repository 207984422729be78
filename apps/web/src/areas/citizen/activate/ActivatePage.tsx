import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { AccountErrorAlert } from '../accountErrors'
import { type ActivationStart, useStartActivation } from '../accountsApi'
import { BackToHome } from '../BackToHome'
import { citizenPaths } from '../paths'
import { useFocusOnChange } from '../useFocusOnChange'
import { FinishStep } from './FinishStep'
import { StartStep } from './StartStep'

const EMPTY: ActivationStart = { personalId: '', phone: '' }

/** Activation: ask for a code (step 1), then set the credentials with it (step 2). */
export const ActivatePage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const resend = useStartActivation()
  const [started, setStarted] = useState<ActivationStart | null>(null)
  const [details, setDetails] = useState<ActivationStart>(EMPTY)
  const headingRef = useRef<HTMLHeadingElement>(null)

  // Moving between steps puts the focus on the new step's title.
  useFocusOnChange(headingRef, started)

  return (
    <Stack gap="lg">
      <BackToHome />
      <Stack gap={4}>
        <Title order={1}>{t('citizen.activate.title')}</Title>
        <Text c="dimmed">{t('citizen.activate.intro')}</Text>
      </Stack>
      <Stack gap={2}>
        <Text size="sm" fw={600} c="brand.8">
          {t('citizen.stepOf', { step: started ? 2 : 1, total: 2 })}
        </Text>
        <Title order={2} size="h3" id="activate-step-title" ref={headingRef} tabIndex={-1}>
          {started ? t('citizen.activate.finishTitle') : t('citizen.activate.startTitle')}
        </Title>
      </Stack>
      {started ? (
        <>
          <Alert color="blue" variant="light" role="status" title={t('citizen.activate.sent')}>
            <Stack gap="xs">
              <Text size="sm">{t('citizen.activate.sentBody', { phone: started.phone })}</Text>
              {resend.isSuccess && <Text size="sm">{t('citizen.activate.resent')}</Text>}
            </Stack>
          </Alert>
          {resend.error && <AccountErrorAlert error={resend.error} />}
          <FinishStep
            start={started}
            onDone={(activated) => navigate(citizenPaths.activated, { state: activated })}
          />
          <Stack gap="xs">
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
          </Stack>
        </>
      ) : (
        <StartStep initial={details} onSent={setStarted} />
      )}
    </Stack>
  )
}
