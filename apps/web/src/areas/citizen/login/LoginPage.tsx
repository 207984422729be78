import { Anchor, Group, Stack, Text, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import type { CodeRequired } from '../accountsApi'
import { BackToHome } from '../BackToHome'
import { useSignedIn } from '../me/meApi'
import { citizenPaths } from '../paths'
import { useFocusOnChange } from '../useFocusOnChange'
import { LoginCodeStep } from './LoginCodeStep'
import { PasskeyLogin } from './PasskeyLogin'
import { PasswordStep } from './PasswordStep'

// Only a path of the citizen app is a place to come back to after logging in.
const returnPath = (state: unknown) => {
  const from = (state as { from?: unknown } | null)?.from
  return typeof from === 'string' && from.startsWith('/app/') ? from : citizenPaths.account
}

/** Log in: the ID number and password, then (on a new device) the code sent to the registered phone. */
export const LoginPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const forgetPrevious = useSignedIn()
  const [challenge, setChallenge] = useState<CodeRequired | null>(null)
  const [username, setUsername] = useState('')
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnChange(headingRef, challenge)

  const signedIn = () => {
    forgetPrevious()
    navigate(returnPath(location.state), { replace: true })
  }

  return (
    <Stack gap="lg">
      <BackToHome />
      <Stack gap={4}>
        <Title order={1}>{t('citizen.login.title')}</Title>
        <Text c="dimmed">{t('citizen.login.intro')}</Text>
      </Stack>
      <Title order={2} size="h3" id="login-step-title" ref={headingRef} tabIndex={-1}>
        {challenge ? t('citizen.login.codeTitle') : t('citizen.login.passwordTitle')}
      </Title>
      {challenge ? (
        <LoginCodeStep challenge={challenge} onSignedIn={signedIn} onRestart={() => setChallenge(null)} />
      ) : (
        <PasswordStep
          initialUsername={username}
          onSignedIn={signedIn}
          onCodeRequired={(c, name) => {
            setUsername(name)
            setChallenge(c)
          }}
        />
      )}
      {!challenge && <PasskeyLogin onSignedIn={signedIn} />}
      <Group gap="lg" justify="center" component="nav" aria-label={t('citizen.login.helpLinks')}>
        <Anchor component={Link} to={citizenPaths.recover}>
          {t('citizen.login.forgot')}
        </Anchor>
        <Anchor component={Link} to={citizenPaths.activate}>
          {t('citizen.login.activate')}
        </Anchor>
        <Anchor component={Link} to={citizenPaths.unlock}>
          {t('citizen.login.unlock')}
        </Anchor>
      </Group>
    </Stack>
  )
}
