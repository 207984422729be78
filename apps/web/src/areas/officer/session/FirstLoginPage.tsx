import { Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate } from 'react-router'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { FirstLoginAuthenticatorStep } from './FirstLoginAuthenticatorStep'
import { FirstLoginPasswordStep } from './FirstLoginPasswordStep'
import { useFirstLogin } from './firstLoginApi'
import { officerHome } from './officerHome'
import { type SignedIn, useOfficerLogout } from './officerSessionApi'
import { OFFICER_LOGIN_PATH } from './RequireOfficer'

/**
 * /officer/first-login: a new officer (or one an administrator reset) chooses their own password, then enrols
 * an authenticator app with its QR code and a first code. Nothing else of the portal opens before.
 */
export const FirstLoginPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const client = useQueryClient()
  const state = useFirstLogin()
  const logout = useOfficerLogout()
  const [rechoosing, setRechoosing] = useState(false)
  if (state.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    )
  if (state.error?.status === 401) return <Navigate to={OFFICER_LOGIN_PATH} replace />
  if (state.error) return <ErrorAlert error={state.error} onRetry={() => void state.refetch()} />
  const { stage, officer, authenticator, authenticatorEnrolled } = state.data
  if (stage === 'full') return <Navigate to="/officer" replace />
  const done = (out: SignedIn) => {
    client.removeQueries({ queryKey: ['firstLogin'] })
    navigate(officerHome(out.officer.permissions), { replace: true })
  }
  const onAuthenticator = stage === 'totp_enrolment' && authenticator !== null && !rechoosing
  const steps = authenticatorEnrolled ? 1 : 2
  return (
    <Paper withBorder p="lg" radius="md" maw={560} w="100%">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1}>{t('officer.admin.firstLogin.title')}</Title>
          <Text c="dimmed">
            {t('officer.admin.firstLogin.intro', {
              name: officer.fullName,
              number: officer.officerNumber,
              unit: officer.unitName,
            })}
          </Text>
        </Stack>
        <Title order={2} size="h3" id="first-login-step">
          {steps > 1 && `${onAuthenticator ? 2 : 1}/${steps}. `}
          {onAuthenticator
            ? t('officer.admin.firstLogin.steps.authenticator')
            : t('officer.admin.firstLogin.steps.password')}
        </Title>
        {onAuthenticator ? (
          <FirstLoginAuthenticatorStep
            officerNumber={officer.officerNumber}
            offer={authenticator}
            onSignedIn={done}
            onChangePassword={() => setRechoosing(true)}
          />
        ) : (
          <FirstLoginPasswordStep
            reset={authenticatorEnrolled}
            onSignedIn={done}
            onOffered={() => setRechoosing(false)}
            key={rechoosing ? 'again' : 'first'}
          />
        )}
        <Button
          variant="default"
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate(OFFICER_LOGIN_PATH) })}
        >
          {t('officer.admin.firstLogin.cancel')}
        </Button>
      </Stack>
    </Paper>
  )
}
