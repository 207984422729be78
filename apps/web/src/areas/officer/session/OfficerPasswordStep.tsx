import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { explainOfficerLogin } from './officerLoginErrors'
import { type TotpRequired, useOfficerPassword } from './officerSessionApi'

const OFFICER_NUMBER = /^CB-\d{4,8}$/

type Props = { onTotpRequired: (challenge: TotpRequired) => void; onFirstLogin: () => void }

/** Officer login, step 1: the officer number and the password (the authenticator code follows, or the first login). */
export const OfficerPasswordStep = ({ onTotpRequired, onFirstLogin }: Props) => {
  const { t } = useTranslation()
  const login = useOfficerPassword()
  const [number, setNumber] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<{ number?: string; password?: string }>({})
  const numberRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const officerNumber = number.trim().toUpperCase()
    const next = {
      ...(OFFICER_NUMBER.test(officerNumber) ? {} : { number: t('officer.login.numberInvalid') }),
      ...(password ? {} : { password: t('officer.login.passwordRequired') }),
    }
    setErrors(next)
    if (next.number) return numberRef.current?.focus()
    if (next.password) return passwordRef.current?.focus()
    login.mutate(
      { officerNumber, password },
      {
        // A one-time password (new officer, or reset): the first-login steps come before anything else.
        onSuccess: (out) => (out.status === 'first_login' ? onFirstLogin() : onTotpRequired(out)),
        onError: () => setPassword(''),
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="officer-login-title">
      <Stack gap="md">
        {login.error && (
          <Alert color="red" variant="light" role="alert" title={t('officer.login.refused')}>
            {explainOfficerLogin(login.error, t)}
          </Alert>
        )}
        <TextInput
          ref={numberRef}
          label={t('officer.login.number')}
          description={t('officer.login.numberDescription')}
          value={number}
          onChange={(e) => {
            setNumber(e.currentTarget.value)
            setErrors((x) => ({ ...x, number: undefined }))
          }}
          error={errors.number}
          autoComplete="username"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={11}
          size="md"
          required
        />
        <PasswordInput
          ref={passwordRef}
          label={t('officer.login.password')}
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value)
            setErrors((x) => ({ ...x, password: undefined }))
          }}
          error={errors.password}
          autoComplete="current-password"
          size="md"
          required
        />
        <Button type="submit" size="md" loading={login.isPending}>
          {t('officer.login.continue')}
        </Button>
      </Stack>
    </form>
  )
}
