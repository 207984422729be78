import { Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { OfficerPasswordStep } from './OfficerPasswordStep'
import { OfficerTotpStep } from './OfficerTotpStep'
import type { TotpRequired } from './officerSessionApi'

const HOME = '/officer/search'

// Only a path of the officer portal is a place to return to after the login.
const returnPath = (state: unknown): string => {
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : null
  return typeof from === 'string' && from.startsWith('/officer/') && !from.startsWith('/officer/login')
    ? from
    : HOME
}

/** The officer login: always two factors, a password and then the authenticator code. */
export const OfficerLoginPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const [challenge, setChallenge] = useState<TotpRequired | null>(null)
  return (
    <Paper withBorder p="lg" radius="md" maw={480} w="100%">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} id="officer-login-title">
            {t('officer.login.title')}
          </Title>
          <Text c="dimmed">{challenge ? t('officer.login.totpIntro') : t('officer.login.intro')}</Text>
        </Stack>
        {challenge ? (
          <OfficerTotpStep
            challenge={challenge}
            onSignedIn={() => navigate(returnPath(location.state), { replace: true })}
            onRestart={() => setChallenge(null)}
          />
        ) : (
          <OfficerPasswordStep onTotpRequired={setChallenge} />
        )}
      </Stack>
    </Paper>
  )
}
