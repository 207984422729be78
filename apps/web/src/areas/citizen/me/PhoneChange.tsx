import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert, fieldOfError } from '../accountErrors'
import { CodeField, isCode } from '../CodeField'
import { isMobilePhone, normalizePhone } from '../citizenFields'
import { useFinishPhoneChange, useStartPhoneChange } from './meApi'

/** Changing the registered phone: a code to the current number and one to the new number (docs/accounts.md). */
export const PhoneChange = () => {
  const { t } = useTranslation()
  const start = useStartPhoneChange()
  const finish = useFinishPhoneChange()
  const [phone, setPhone] = useState('')
  const [phoneError, setPhoneError] = useState<string | undefined>()
  const [currentCode, setCurrentCode] = useState('')
  const [newCode, setNewCode] = useState('')
  const [codeError, setCodeError] = useState<string | undefined>()
  const newPhone = normalizePhone(phone)

  const send = (e: FormEvent) => {
    e.preventDefault()
    if (!isMobilePhone(newPhone)) {
      setPhoneError(t('citizen.errors.phoneInvalid'))
      return
    }
    setPhoneError(undefined)
    finish.reset()
    setCurrentCode('')
    setNewCode('')
    start.mutate({ newPhone })
  }
  const confirm = (e: FormEvent) => {
    e.preventDefault()
    if (!isCode(currentCode) || !isCode(newCode)) {
      setCodeError(t('citizen.phoneChange.codesRequired'))
      return
    }
    setCodeError(undefined)
    finish.mutate({ newPhone, currentCode, newCode })
  }
  const restart = () => {
    start.reset()
    finish.reset()
    setPhone('')
    setCurrentCode('')
    setNewCode('')
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="phone-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="phone-title">
          {t('citizen.phoneChange.title')}
        </Title>
        {finish.isSuccess ? (
          <Stack gap="sm">
            <Alert color="green" variant="light" role="status" title={t('citizen.phoneChange.doneTitle')}>
              <Text size="sm">
                {t('citizen.phoneChange.done', { phone: finish.data.phone })}{' '}
                {finish.data.sessionsEnded > 0 &&
                  t('citizen.phoneChange.sessionsEnded', { count: finish.data.sessionsEnded })}
              </Text>
            </Alert>
            <Button variant="subtle" w="fit-content" onClick={restart}>
              {t('citizen.phoneChange.again')}
            </Button>
          </Stack>
        ) : (
          <>
            <Text size="sm">{t('citizen.phoneChange.intro')}</Text>
            <form onSubmit={send} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={t('citizen.phoneChange.newPhone')}
                  description={t('citizen.phoneChange.newPhoneDescription')}
                  value={phone}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                  error={
                    phoneError ??
                    (start.error && fieldOfError(start.error.code) === 'phone'
                      ? t('citizen.errors.phoneInvalid')
                      : undefined)
                  }
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  size="md"
                  required
                  disabled={start.isSuccess}
                />
                {start.error && <AccountErrorAlert error={start.error} />}
                {!start.isSuccess && (
                  <Button type="submit" size="md" fullWidth loading={start.isPending}>
                    {t('citizen.phoneChange.send')}
                  </Button>
                )}
              </Stack>
            </form>
            {start.isSuccess && (
              <form onSubmit={confirm} noValidate>
                <Stack gap="sm">
                  <Text size="sm" role="status">
                    {t('citizen.phoneChange.sent', {
                      current: start.data.currentHint,
                      next: start.data.newHint,
                    })}
                  </Text>
                  <CodeField
                    label={t('citizen.phoneChange.currentCode')}
                    description={t('citizen.phoneChange.currentCodeDescription', {
                      phone: start.data.currentHint,
                    })}
                    value={currentCode}
                    onChange={setCurrentCode}
                  />
                  <CodeField
                    label={t('citizen.phoneChange.newCode')}
                    description={t('citizen.phoneChange.newCodeDescription', { phone: start.data.newHint })}
                    value={newCode}
                    onChange={setNewCode}
                    error={codeError}
                  />
                  {finish.error && <AccountErrorAlert error={finish.error} />}
                  <Button type="submit" size="md" fullWidth loading={finish.isPending}>
                    {t('citizen.phoneChange.confirm')}
                  </Button>
                  <Button variant="default" size="md" fullWidth onClick={restart}>
                    {t('citizen.phoneChange.cancel')}
                  </Button>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </Paper>
  )
}
