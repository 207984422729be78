import { Button, Stack, Text } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChooseFirstPassword } from './firstLoginApi'
import { NewPasswordFields, officerPasswordOk } from './NewPasswordFields'
import { OfficerErrorAlert } from './OfficerErrorAlert'
import type { SignedIn } from './officerSessionApi'

type Props = { reset: boolean; onSignedIn: (out: SignedIn) => void; onOffered: () => void }

/** First login, step 1: the officer's own password in place of the one-time password. */
export const FirstLoginPasswordStep = ({ reset, onSignedIn, onOffered }: Props) => {
  const { t } = useTranslation()
  const choose = useChooseFirstPassword()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const [notMet, setNotMet] = useState(false)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const ok = officerPasswordOk(password)
    setNotMet(!ok)
    setMismatch(password !== confirm)
    if (ok && password === confirm)
      choose.mutate(password, { onSuccess: (out) => (out.stage === 'full' ? onSignedIn(out) : onOffered()) })
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="first-login-step">
      <Stack gap="md">
        <Text>
          {reset
            ? t('officer.admin.firstLogin.passwordResetIntro')
            : t('officer.admin.firstLogin.passwordIntro')}
        </Text>
        {choose.error && (
          <OfficerErrorAlert error={choose.error} title={t('officer.admin.firstLogin.refused')} />
        )}
        {notMet && (
          <Text c="red.8" size="sm" role="alert">
            {t('officer.admin.firstLogin.rulesNotMet')}
          </Text>
        )}
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={(v) => {
            setPassword(v)
            setNotMet(false)
          }}
          onConfirm={(v) => {
            setConfirm(v)
            setMismatch(false)
          }}
          mismatch={mismatch}
        />
        <Button type="submit" size="md" loading={choose.isPending}>
          {reset ? t('officer.admin.firstLogin.savePassword') : t('officer.admin.firstLogin.continue')}
        </Button>
      </Stack>
    </form>
  )
}
