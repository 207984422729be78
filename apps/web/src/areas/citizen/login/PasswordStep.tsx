import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AccountErrorAlert } from '../accountErrors'
import { type CodeRequired, useLogin } from '../accountsApi'
import { isUsername, normalizeUsername } from '../citizenFields'
import { citizenPaths } from '../paths'

type Props = {
  initialUsername: string
  onSignedIn: () => void
  onCodeRequired: (challenge: CodeRequired, username: string) => void
}

/** What the citizen can do about a refused login, next to the message. */
const NextStep = ({ code }: { code: string }) => {
  const { t } = useTranslation()
  if (code === 'accounts.NOT_ACTIVATED')
    return (
      <Anchor component={Link} to={citizenPaths.activate} fw={600}>
        {t('citizen.login.activate')} →
      </Anchor>
    )
  if (code === 'accounts.ACCOUNT_LOCKED')
    return (
      <Anchor component={Link} to={citizenPaths.unlock} fw={600}>
        {t('citizen.login.unlock')} →
      </Anchor>
    )
  return null
}

/** Log in, step 1: the personal ID number (the username) and the password. */
export const PasswordStep = ({ initialUsername, onSignedIn, onCodeRequired }: Props) => {
  const { t } = useTranslation()
  const login = useLogin()
  const [username, setUsername] = useState(initialUsername)
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({})
  const usernameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const id = normalizeUsername(username)
    const next = {
      ...(isUsername(id) ? {} : { username: t('citizen.fields.usernameInvalid') }),
      ...(password ? {} : { password: t('citizen.login.passwordRequired') }),
    }
    setErrors(next)
    if (next.username) return usernameRef.current?.focus()
    if (next.password) return passwordRef.current?.focus()
    login.mutate(
      { username: id, password },
      {
        onSuccess: (out) => (out.status === 'signed_in' ? onSignedIn() : onCodeRequired(out, id)),
        onError: () => setPassword(''),
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-step-title">
      <Stack gap="md">
        {login.error && (
          <AccountErrorAlert error={login.error}>
            <NextStep code={login.error.code} />
          </AccountErrorAlert>
        )}
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
        <Button type="submit" size="lg" fullWidth loading={login.isPending}>
          {t('citizen.login.submit')}
        </Button>
      </Stack>
    </form>
  )
}
