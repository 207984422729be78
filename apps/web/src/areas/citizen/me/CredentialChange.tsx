import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { AccountErrorAlert } from '../accountErrors'
import { sessionSend } from '../accountsApi'
import { RuleHints } from '../activate/RuleHints'
import { allHold, PASSCODE_RULES, PASSWORD_RULES, passcodeRules, passwordRules } from '../credentialRules'
import { useMe } from './meApi'
import { useStepUp } from './StepUpDialog'

type Changed = { changed: 'password' | 'passcode'; sessionsEnded: number }

/** A new password: the current one is asked again; the server ends the other sessions. */
const PasswordChange = () => {
  const { t } = useTranslation()
  const me = useMe()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const change = useMutation<Changed, ApiError, void>({
    mutationFn: () =>
      sessionSend<Changed>('POST', '/api/v1/me/password', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('')
      setNext('')
      setConfirm('')
    },
  })
  const rules = passwordRules(next, { personalId: me.data?.username ?? '', phone: '' })
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setMismatch(next !== confirm)
    if (next === confirm && allHold(rules) && current) change.mutate()
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-change-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="password-change-title">
          {t('citizen.credentials.passwordTitle')}
        </Title>
        {change.error && <AccountErrorAlert error={change.error} />}
        {change.isSuccess && (
          <Text size="sm" role="status">
            {t('citizen.credentials.passwordChanged', { count: change.data.sessionsEnded })}
          </Text>
        )}
        <PasswordInput
          label={t('citizen.credentials.currentPassword')}
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          autoComplete="current-password"
          maxLength={200}
          size="md"
          required
        />
        <PasswordInput
          label={t('citizen.activate.password')}
          description={
            <RuleHints
              title={t('citizen.activate.passwordRulesTitle')}
              rules={PASSWORD_RULES.filter((r) => r !== 'noPhone').map((r) => ({
                key: r,
                label: t(`citizen.activate.passwordRules.${r}`),
                met: rules[r],
              }))}
            />
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          autoComplete="new-password"
          maxLength={40}
          size="md"
          required
        />
        <PasswordInput
          label={t('citizen.activate.confirmPassword')}
          value={confirm}
          onChange={(e) => {
            setConfirm(e.currentTarget.value)
            setMismatch(false)
          }}
          error={mismatch ? t('citizen.activate.confirmMismatch') : undefined}
          autoComplete="new-password"
          maxLength={40}
          size="md"
          required
        />
        <Button type="submit" variant="outline" size="md" fullWidth loading={change.isPending}>
          {t('citizen.credentials.changePassword')}
        </Button>
      </Stack>
    </form>
  )
}

/** A new passcode, after the holder confirms with the current passcode or a passkey. */
const PasscodeChange = () => {
  const { t } = useTranslation()
  const [passcode, setPasscode] = useState('')
  const stepUp = useStepUp()
  const change = useMutation<Changed, ApiError, void>({
    mutationFn: () => sessionSend<Changed>('POST', '/api/v1/me/passcode', { newPasscode: passcode }),
    onSuccess: () => setPasscode(''),
  })
  const rules = passcodeRules(passcode)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (allHold(rules)) void stepUp.run(() => change.mutateAsync())
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="passcode-change-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="passcode-change-title">
          {t('citizen.credentials.passcodeTitle')}
        </Title>
        {change.error && change.error.code !== 'accounts.STEP_UP_REQUIRED' && (
          <AccountErrorAlert error={change.error} />
        )}
        {change.isSuccess && (
          <Text size="sm" role="status">
            {t('citizen.credentials.passcodeChanged')}
          </Text>
        )}
        <PasswordInput
          label={t('citizen.credentials.newPasscode')}
          description={
            <RuleHints
              title={t('citizen.activate.passwordRulesTitle')}
              rules={PASSCODE_RULES.map((r) => ({
                key: r,
                label: t(`citizen.activate.passcodeRules.${r}`),
                met: rules[r],
              }))}
            />
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={passcode}
          onChange={(e) => setPasscode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          size="md"
          required
        />
        <Button type="submit" variant="outline" size="md" fullWidth loading={change.isPending}>
          {t('citizen.credentials.changePasscode')}
        </Button>
        {stepUp.dialog}
      </Stack>
    </form>
  )
}

/** Changing the password and the passcode while logged in. */
export const CredentialChange = () => {
  const { t } = useTranslation()
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="credentials-title">
      <Stack gap="lg">
        <Title order={2} size="h3" id="credentials-title">
          {t('citizen.credentials.title')}
        </Title>
        <PasswordChange />
        <PasscodeChange />
      </Stack>
    </Paper>
  )
}
