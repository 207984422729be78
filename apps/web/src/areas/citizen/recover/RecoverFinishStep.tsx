import { Button, PasswordInput, Stack } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert, explainAccountError } from '../accountErrors'
import { type RecoveryStart, useFinishRecovery } from '../accountsApi'
import { RuleHints } from '../activate/RuleHints'
import { CodeField, isCode } from '../CodeField'
import { allHold, PASSCODE_RULES, PASSWORD_RULES, passcodeRules, passwordRules } from '../credentialRules'

type Field = 'code' | 'password' | 'confirm' | 'passcode'

/** Recovery, step 2: the SMS code, a new password and, if wanted, a new passcode. */
export const RecoverFinishStep = ({ start, onDone }: { start: RecoveryStart; onDone: () => void }) => {
  const { t } = useTranslation()
  const finish = useFinishRecovery()
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [passcode, setPasscode] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const refs = {
    code: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
    passcode: useRef<HTMLInputElement>(null),
  }
  const pwRules = passwordRules(password, start)
  const pcRules = passcodeRules(passcode)
  const codeError = finish.error?.code.startsWith('authn.OTP_')
    ? explainAccountError(finish.error, t)
    : undefined

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next: Partial<Record<Field, string>> = {
      ...(isCode(code) ? {} : { code: t('citizen.activate.codeInvalid') }),
      ...(allHold(pwRules) ? {} : { password: t('citizen.activate.passwordInvalid') }),
      ...(confirm === password ? {} : { confirm: t('citizen.activate.confirmMismatch') }),
      ...(passcode === '' || allHold(pcRules) ? {} : { passcode: t('citizen.activate.passcodeInvalid') }),
    }
    setErrors(next)
    const first = (['code', 'password', 'confirm', 'passcode'] as const).find((f) => next[f])
    if (first) return refs[first].current?.focus()
    finish.mutate(
      {
        personalId: start.personalId,
        phone: start.phone,
        code,
        newPassword: password,
        ...(passcode ? { newPasscode: passcode } : {}),
      },
      { onSuccess: onDone },
    )
  }
  const clear = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }))

  return (
    <form onSubmit={submit} noValidate aria-labelledby="recover-step-title">
      <Stack gap="md">
        {finish.error && !codeError && <AccountErrorAlert error={finish.error} />}
        <CodeField
          ref={refs.code}
          value={code}
          onChange={(next) => {
            setCode(next)
            clear('code')
          }}
          error={errors.code ?? codeError}
        />
        <PasswordInput
          ref={refs.password}
          label={t('citizen.activate.password')}
          description={
            <RuleHints
              title={t('citizen.activate.passwordRulesTitle')}
              rules={PASSWORD_RULES.map((r) => ({
                key: r,
                label: t(`citizen.activate.passwordRules.${r}`),
                met: pwRules[r],
              }))}
            />
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value)
            clear('password')
          }}
          error={errors.password}
          autoComplete="new-password"
          maxLength={40}
          size="md"
          required
        />
        <PasswordInput
          ref={refs.confirm}
          label={t('citizen.activate.confirmPassword')}
          value={confirm}
          onChange={(e) => {
            setConfirm(e.currentTarget.value)
            clear('confirm')
          }}
          error={errors.confirm}
          autoComplete="new-password"
          maxLength={40}
          size="md"
          required
        />
        <PasswordInput
          ref={refs.passcode}
          label={t('citizen.recover.newPasscode')}
          description={
            <>
              <span style={{ display: 'block' }}>{t('citizen.recover.newPasscodeDescription')}</span>
              {passcode !== '' && (
                <RuleHints
                  title={t('citizen.activate.passwordRulesTitle')}
                  rules={PASSCODE_RULES.map((r) => ({
                    key: r,
                    label: t(`citizen.activate.passcodeRules.${r}`),
                    met: pcRules[r],
                  }))}
                />
              )}
            </>
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={passcode}
          onChange={(e) => {
            setPasscode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))
            clear('passcode')
          }}
          error={errors.passcode}
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          size="md"
        />
        <Button type="submit" size="lg" fullWidth loading={finish.isPending}>
          {t('citizen.recover.submit')}
        </Button>
      </Stack>
    </form>
  )
}
