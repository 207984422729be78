import { Alert, Button, Stack, Text } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert, explainAccountError } from '../accountErrors'
import { type CodeRequired, useVerifyLogin } from '../accountsApi'
import { CodeField, isCode } from '../CodeField'

type Props = { challenge: CodeRequired; onSignedIn: () => void; onRestart: () => void }

/** Log in, step 2 on a new device: the code sent to the registered phone. */
export const LoginCodeStep = ({ challenge, onSignedIn, onRestart }: Props) => {
  const { t } = useTranslation()
  const verify = useVerifyLogin()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const codeRef = useRef<HTMLInputElement>(null)
  const codeError = verify.error?.code.startsWith('authn.OTP_')
    ? explainAccountError(verify.error, t)
    : undefined
  // An expired or used challenge cannot be retried: the password step starts again.
  const restart = verify.error?.code === 'accounts.CHALLENGE_INVALID'

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!isCode(code)) {
      setError(t('citizen.activate.codeInvalid'))
      return codeRef.current?.focus()
    }
    verify.mutate(
      { challengeId: challenge.challengeId, code },
      { onSuccess: onSignedIn, onError: () => codeRef.current?.focus() },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-step-title">
      <Stack gap="md">
        <Alert color="blue" variant="light" role="status" title={t('citizen.login.newDevice')}>
          <Text size="sm">{t('citizen.login.codeSent', { phone: challenge.phoneHint })}</Text>
        </Alert>
        {verify.error && !codeError && <AccountErrorAlert error={verify.error} />}
        <CodeField
          ref={codeRef}
          value={code}
          onChange={(next) => {
            setCode(next)
            setError(undefined)
          }}
          error={error ?? codeError}
        />
        {restart ? (
          <Button size="lg" fullWidth onClick={onRestart}>
            {t('citizen.login.again')}
          </Button>
        ) : (
          <Button type="submit" size="lg" fullWidth loading={verify.isPending}>
            {t('citizen.login.verify')}
          </Button>
        )}
        <Button variant="subtle" size="md" onClick={onRestart}>
          {t('citizen.login.back')}
        </Button>
      </Stack>
    </form>
  )
}
