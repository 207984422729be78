import { PasswordInput, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { RuleHints } from '../../citizen/activate/RuleHints'
import { type PasswordRule, passwordRules } from '../../citizen/credentialRules'

// The house rules the server checks (policy.checkPassword); an officer has no ID number or phone to avoid.
const OFFICER_RULES = [
  'length',
  'digit',
  'upper',
  'lower',
  'special',
] as const satisfies readonly PasswordRule[]

/** Whether the password meets every rule the hints show (the server decides in the end). */
export const officerPasswordOk = (password: string) => {
  const rules = passwordRules(password, { personalId: '', phone: '' })
  return OFFICER_RULES.every((r) => rules[r])
}

type Props = {
  password: string
  confirm: string
  onPassword: (value: string) => void
  onConfirm: (value: string) => void
  mismatch: boolean
}

/** A new password with live rule hints, and the same again. */
export const NewPasswordFields = ({ password, confirm, onPassword, onConfirm, mismatch }: Props) => {
  const { t } = useTranslation()
  const rules = passwordRules(password, { personalId: '', phone: '' })
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t('officer.admin.firstLogin.newPassword')}
        description={
          <RuleHints
            title={t('officer.admin.passwordRules.title')}
            rules={OFFICER_RULES.map((r) => ({
              key: r,
              label: t(`officer.admin.passwordRules.${r}`),
              met: rules[r],
            }))}
          />
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        autoComplete="new-password"
        maxLength={40}
        size="md"
        required
      />
      <PasswordInput
        label={t('officer.admin.firstLogin.confirmPassword')}
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        error={mismatch ? t('officer.admin.firstLogin.confirmMismatch') : undefined}
        autoComplete="new-password"
        maxLength={40}
        size="md"
        required
      />
    </Stack>
  )
}
