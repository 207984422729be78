import { Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert } from '../accountErrors'
import { type Credentials, useStartUnlock } from '../accountsApi'
import { isUsername, normalizeUsername } from '../citizenFields'

/** Unlock, step 1: the ID number and the password; a code goes to the registered phone. */
export const UnlockStartStep = ({ onSent }: { onSent: (c: Credentials, phoneHint: string) => void }) => {
  const { t } = useTranslation()
  const start = useStartUnlock()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({})
  const usernameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const credentials = { username: normalizeUsername(username), password }
    const next = {
      ...(isUsername(credentials.username) ? {} : { username: t('citizen.fields.usernameInvalid') }),
      ...(password ? {} : { password: t('citizen.login.passwordRequired') }),
    }
    setErrors(next)
    if (next.username) return usernameRef.current?.focus()
    if (next.password) return passwordRef.current?.focus()
    start.mutate(credentials, { onSuccess: ({ phoneHint }) => onSent(credentials, phoneHint) })
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="unlock-step-title">
      <Stack gap="md">
        {start.error && <AccountErrorAlert error={start.error} />}
        <TextInput
          ref={usernameRef}
          label={t('citizen.login.username')}
          description={t('citizen.login.usernameDescription')}
          value={username}
          onChange={(e) => {
            setUsername(e.currentTarget.value)
            setErrors((x) => ({ ...x, username: undefined }))
          }}
          error={errors.username}
          inputMode="numeric"
          autoComplete="username"
          maxLength={20}
          size="md"
          required
        />
        <PasswordInput
          ref={passwordRef}
          label={t('citizen.login.password')}
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value)
            setErrors((x) => ({ ...x, password: undefined }))
          }}
          error={errors.password}
          autoComplete="current-password"
          maxLength={200}
          size="md"
          required
        />
        <Button type="submit" size="lg" fullWidth loading={start.isPending}>
          {t('citizen.activate.startSubmit')}
        </Button>
      </Stack>
    </form>
  )
}
