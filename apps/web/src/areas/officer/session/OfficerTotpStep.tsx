import { Alert, Button, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { explainOfficerLogin } from './officerLoginErrors'
import { type TotpRequired, useOfficerTotp } from './officerSessionApi'

type Props = {
  challenge: TotpRequired
  onSignedIn: (permissions: string[]) => void
  onPasswordChange: () => void
  onRestart: () => void
}

/** Officer login, step 2: the 6-digit code of the authenticator app. */
export const OfficerTotpStep = ({ challenge, onSignedIn, onPasswordChange, onRestart }: Props) => {
  const { t } = useTranslation()
  const verify = useOfficerTotp()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const codeRef = useRef<HTMLInputElement>(null)
  // An expired or used challenge cannot be retried: the password step starts again.
  const restart = verify.error?.code === 'officers.CHALLENGE_INVALID'

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!/^\d{6}$/.test(code)) {
      setError(t('officer.login.codeInvalid'))
      return codeRef.current?.focus()
    }
    verify.mutate(
      { challengeId: challenge.challengeId, code },
      {
        // After a password reset, a new password comes before anything else.
        onSuccess: (out) =>
          out.status === 'signed_in' ? onSignedIn(out.officer.permissions) : onPasswordChange(),
        onError: () => {
          setCode('')
          codeRef.current?.focus()
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="officer-login-title">
      <Stack gap="md">
        {verify.error && (
          <Alert color="red" variant="light" role="alert" title={t('officer.login.refused')}>
            {explainOfficerLogin(verify.error, t)}
          </Alert>
        )}
        <TextInput
          ref={codeRef}
          label={t('officer.login.code')}
          description={t('officer.login.codeDescription')}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))
            setError(undefined)
          }}
          error={error}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          size="lg"
          styles={{ input: { letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' } }}
          required
        />
        {restart ? (
          <Button size="md" onClick={onRestart}>
            {t('officer.login.again')}
          </Button>
        ) : (
          <Button type="submit" size="md" loading={verify.isPending}>
            {t('officer.login.signIn')}
          </Button>
        )}
        <Button variant="subtle" onClick={onRestart}>
          {t('officer.login.back')}
        </Button>
      </Stack>
    </form>
  )
}
