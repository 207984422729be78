import { Alert, List, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../api'
import { currentLanguage } from '../../i18n'
import { localizeError } from '../../layout/ErrorAlert'
import { ruleFailuresOf } from './accountsApi'

/** The field an error code belongs to, so the message can sit under (and describe) that input. */
export type AccountField =
  | 'personalId'
  | 'passportNumber'
  | 'nationality'
  | 'residenceCardNumber'
  | 'phone'
  | 'email'
  | 'dateOfBirth'
  | 'selfie'
  | 'code'

export const fieldOfError = (code: string): AccountField | null => {
  if (code.startsWith('vn-id.ID_')) return 'personalId'
  if (code === 'accounts.INVALID_PASSPORT') return 'passportNumber'
  if (code === 'accounts.INVALID_NATIONALITY') return 'nationality'
  if (code === 'accounts.INVALID_RESIDENCE_CARD') return 'residenceCardNumber'
  if (code.startsWith('vn-id.PHONE_') || code === 'accounts.INVALID_PHONE') return 'phone'
  if (code === 'accounts.INVALID_EMAIL') return 'email'
  if (code === 'accounts.INVALID_DATE' || code === 'vn-id.DATE_INVALID') return 'dateOfBirth'
  if (code === 'accounts.SELFIE_REQUIRED') return 'selfie'
  if (code.startsWith('authn.OTP_')) return 'code'
  return null
}

const retryMinutes = (error: ApiError) => {
  const seconds = error.details?.retryAfterSeconds
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : null
}

/** A registration or activation error in words the citizen can act on (Vietnamese first). */
export const explainAccountError = (error: ApiError, t: TFunction): string => {
  const field = fieldOfError(error.code)
  if (field === 'personalId') return t('citizen.errors.idInvalid')
  if (field === 'passportNumber') return t('citizen.fields.passportNumberInvalid')
  if (field === 'nationality') return t('citizen.fields.nationalityRequired')
  if (field === 'residenceCardNumber') return t('citizen.fields.residenceCardNumberInvalid')
  if (field === 'phone') return t('citizen.errors.phoneInvalid')
  if (field === 'email') return t('citizen.errors.emailInvalid')
  if (field === 'dateOfBirth') return t('citizen.errors.dateInvalid')
  if (field === 'selfie') return t('citizen.errors.selfieRequired')
  switch (error.code) {
    case 'authn.OTP_INVALID':
      return t('citizen.errors.otpInvalid')
    case 'authn.OTP_EXPIRED':
      return t('citizen.errors.otpExpired')
    case 'authn.OTP_TOO_MANY_ATTEMPTS':
      return t('citizen.errors.otpTooMany')
    case 'authn.RATE_LIMITED': {
      const minutes = retryMinutes(error)
      return minutes ? t('citizen.errors.rateLimitedFor', { minutes }) : t('citizen.errors.rateLimited')
    }
    case 'authn.ACCOUNT_TEMPORARILY_LOCKED': {
      const minutes = retryMinutes(error)
      return minutes ? t('citizen.errors.tooManyFailuresFor', { minutes }) : t('citizen.errors.rateLimited')
    }
    case 'accounts.INVALID_CREDENTIALS':
      return t('citizen.errors.invalidCredentials')
    case 'accounts.NOT_ACTIVATED':
      return t('citizen.errors.notActivated')
    case 'accounts.ACCOUNT_LOCKED':
      return t('citizen.errors.accountLocked')
    case 'accounts.CHALLENGE_INVALID':
      return t('citizen.errors.challengeInvalid')
    case 'accounts.SESSION_REQUIRED':
    case 'accounts.CSRF_INVALID':
      return t('citizen.errors.sessionRequired')
    case 'accounts.SESSION_NOT_FOUND':
      return t('citizen.errors.sessionNotFound')
    case 'accounts.NOT_LOCKED_BY_HOLDER':
      return t('citizen.errors.notLockedByHolder')
    case 'accounts.CREDENTIALS_REJECTED':
      return t('citizen.errors.credentialsRejected')
    case 'accounts.NOT_ACTIVATABLE':
      return t('citizen.errors.notActivatable')
    case 'accounts.DOSSIER_NOT_FOUND':
      return t('citizen.errors.dossierNotFound')
    case 'accounts.SAME_PHONE':
      return t('citizen.errors.samePhone')
    case 'accounts.PHONE_NOT_OWN_NAME':
      return t('citizen.errors.phoneNotOwnName')
    case 'accounts.CARRIER_UNAVAILABLE':
      return t('citizen.errors.carrierUnavailable')
    case 'accounts.NOT_REPRESENTATIVE':
      return t('citizen.errors.notRepresentative')
    case 'accounts.DEPENDENT_REFUSED':
      return t('citizen.errors.dependentRefused')
    case 'accounts.DEPENDENT_SELF_REGISTERS':
      return t('citizen.errors.dependentSelfRegisters')
    case 'accounts.DEPENDENT_ALREADY_REGISTERED':
      return t('citizen.errors.dependentAlreadyRegistered')
    case 'accounts.REPRESENTATION_ENDED':
      return t('citizen.errors.representationEnded')
    case 'accounts.DEPENDENT_HAS_NO_ACCOUNT':
      return t('citizen.errors.dependentHasNoAccount')
    case 'accounts.STEP_UP_REQUIRED':
      return t('citizen.errors.stepUpRequired')
    case 'accounts.WRONG_PASSCODE':
      return t('citizen.errors.wrongPasscode')
    case 'accounts.WRONG_PASSWORD':
      return t('citizen.errors.wrongPassword')
    case 'accounts.PASSKEY_REJECTED':
      return t('citizen.errors.passkeyRejected')
    case 'accounts.PASSKEY_CHALLENGE_INVALID':
      return t('citizen.errors.passkeyChallenge')
    case 'accounts.PASSKEYS_UNAVAILABLE':
      return t('citizen.errors.passkeysUnavailable')
    case 'accounts.PASSKEY_NOT_FOUND':
      return t('citizen.errors.passkeyNotFound')
    case 'accounts.TOO_MANY_PASSKEYS':
      return t('citizen.errors.tooManyPasskeys')
    case 'webauthn.NOT_ALLOWED':
      return t('citizen.errors.webauthnNotAllowed')
    case 'webauthn.ALREADY_REGISTERED':
      return t('citizen.errors.webauthnAlreadyRegistered')
    case 'webauthn.FAILED':
      return t('citizen.errors.webauthnFailed')
    case 'platform.VALIDATION':
      return t('citizen.errors.validation')
  }
  if (error.status === 413) return t('citizen.errors.tooLarge')
  return localizeError(error, t)
}

/** The server's own wording of each broken rule, in the reader's language. */
export const useRuleFailureTexts = (error: ApiError | null): { code: string; text: string }[] => {
  useTranslation()
  if (!error) return []
  const lang = currentLanguage()
  return ruleFailuresOf(error).map((f) => ({ code: f.code, text: lang === 'en' ? f.en : f.vi }))
}

/** The error of a citizen form, announced (role="alert"), with the server's rule messages listed. */
export const AccountErrorAlert = ({ error, children }: { error: ApiError; children?: ReactNode }) => {
  const { t } = useTranslation()
  const failures = useRuleFailureTexts(error)
  return (
    <Alert color="red" variant="light" role="alert" data-code={error.code} title={t('errors.title')}>
      <Stack gap="xs">
        <Text fw={600}>{explainAccountError(error, t)}</Text>
        {failures.length > 0 && (
          <List size="sm" spacing={4}>
            {failures.map((f) => (
              <List.Item key={f.code}>{f.text}</List.Item>
            ))}
          </List>
        )}
        {children}
        <Text size="xs" c="dimmed" ff="monospace">
          {error.code}
        </Text>
      </Stack>
    </Alert>
  )
}
