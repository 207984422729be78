import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeOwnPassword } from './firstLoginApi'
import { NewPasswordFields, officerPasswordOk } from './NewPasswordFields'
import { OfficerErrorAlert } from './OfficerErrorAlert'

/** /officer/password: a new password, proven with the current one and an authenticator code; other sessions end. */
export const ChangePasswordPage = () => {
  const { t } = useTranslation()
  const change = useChangeOwnPassword()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<{
    current?: string
    code?: string
    rules?: boolean
    mismatch?: boolean
  }>({})
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = {
      ...(current ? {} : { current: t('officer.admin.changePassword.currentRequired') }),
      ...(/^\d{6}$/.test(code) ? {} : { code: t('officer.admin.firstLogin.codeInvalid') }),
      ...(officerPasswordOk(next) ? {} : { rules: true }),
      ...(next === confirm ? {} : { mismatch: true }),
    }
    setErrors(found)
    if (Object.keys(found).length) return
    change.mutate(
      { currentPassword: current, newPassword: next, code },
      {
        onSuccess: () => {
          setCurrent('')
          setNext('')
          setConfirm('')
          setCode('')
        },
        onError: () => setCode(''),
      },
    )
  }
  return (
    <Paper withBorder p="lg" radius="md" maw={560} w="100%">
      <form onSubmit={submit} noValidate aria-labelledby="change-password-title">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} id="change-password-title">
              {t('officer.admin.changePassword.title')}
            </Title>
            <Text c="dimmed">{t('officer.admin.changePassword.intro')}</Text>
          </Stack>
          {change.error && (
            <OfficerErrorAlert error={change.error} title={t('officer.admin.changePassword.refused')} />
          )}
          {change.isSuccess && (
            <Text role="status" fw={600} c="teal.9">
              {t('officer.admin.changePassword.done', { count: change.data.sessionsEnded })}
            </Text>
          )}
          {errors.rules && (
            <Text c="red.8" size="sm" role="alert">
              {t('officer.admin.firstLogin.rulesNotMet')}
            </Text>
          )}
          <PasswordInput
            label={t('officer.admin.changePassword.current')}
            value={current}
            onChange={(e) => {
              setCurrent(e.currentTarget.value)
              setErrors((x) => ({ ...x, current: undefined }))
            }}
            error={errors.current}
            autoComplete="current-password"
            maxLength={200}
            size="md"
            required
          />
          <NewPasswordFields
            password={next}
            confirm={confirm}
            onPassword={(v) => {
              setNext(v)
              setErrors((x) => ({ ...x, rules: false }))
            }}
            onConfirm={(v) => {
              setConfirm(v)
              setErrors((x) => ({ ...x, mismatch: false }))
            }}
            mismatch={errors.mismatch === true}
          />
          <TextInput
            label={t('officer.admin.firstLogin.code')}
            description={t('officer.admin.firstLogin.codeDescription')}
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))
              setErrors((x) => ({ ...x, code: undefined }))
            }}
            error={errors.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            size="md"
            required
          />
          <Button type="submit" size="md" loading={change.isPending}>
            {t('officer.admin.changePassword.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
