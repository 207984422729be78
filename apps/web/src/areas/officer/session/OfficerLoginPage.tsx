import { Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { OfficerPasswordStep } from './OfficerPasswordStep'
import { OfficerTotpStep } from './OfficerTotpStep'
import { FIRST_LOGIN_PATH, returnPath } from './officerHome'
import type { TotpRequired } from './officerSessionApi'

/** The officer login: always two factors, a password and then the authenticator code (or the first login). */
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
            onSignedIn={(permissions) => navigate(returnPath(location.state, permissions), { replace: true })}
            onPasswordChange={() => navigate(FIRST_LOGIN_PATH, { replace: true })}
            onRestart={() => setChallenge(null)}
          />
        ) : (
          <OfficerPasswordStep
            onTotpRequired={setChallenge}
            onFirstLogin={() => navigate(FIRST_LOGIN_PATH, { replace: true })}
          />
        )}
      </Stack>
    </Paper>
  )
}
