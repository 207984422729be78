import { Button, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert, explainAccountError, fieldOfError } from '../accountErrors'
import { type ActivationStart, useStartActivation } from '../accountsApi'
import { isMobilePhone, isUsername, normalizePhone, normalizeUsername } from '../citizenFields'

type Errors = { personalId?: string; phone?: string }

/** Activation step 1: the ID number and phone; the answer never says whether an account exists. */
export const StartStep = ({
  initial,
  onSent,
}: {
  initial: ActivationStart
  onSent: (s: ActivationStart) => void
}) => {
  const { t } = useTranslation()
  const start = useStartActivation()
  const [personalId, setPersonalId] = useState(initial.personalId)
  const [phone, setPhone] = useState(initial.phone)
  const [errors, setErrors] = useState<Errors>({})
  const idRef = useRef<HTMLInputElement>(null)
  const phoneRef = useRef<HTMLInputElement>(null)

  const serverError = start.error
  const serverField = serverError ? fieldOfError(serverError.code) : null
  const shown: Errors = {
    ...(serverError && serverField === 'personalId'
      ? { personalId: explainAccountError(serverError, t) }
      : {}),
    ...(serverError && serverField === 'phone' ? { phone: explainAccountError(serverError, t) } : {}),
    ...errors,
  }
  const otherError =
    serverError && serverField !== 'personalId' && serverField !== 'phone'
      ? explainAccountError(serverError, t)
      : null

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const request = { personalId: normalizeUsername(personalId), phone: normalizePhone(phone) }
    const next: Errors = {
      ...(isUsername(request.personalId) ? {} : { personalId: t('citizen.fields.usernameInvalid') }),
      ...(isMobilePhone(request.phone) ? {} : { phone: t('citizen.fields.phoneInvalid') }),
    }
    setErrors(next)
    if (next.personalId) return idRef.current?.focus()
    if (next.phone) return phoneRef.current?.focus()
    start.mutate(request, { onSuccess: () => onSent(request) })
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="activate-step-title">
      <Stack gap="md">
        <TextInput
          ref={idRef}
          label={t('citizen.fields.personalId')}
          description={t('citizen.fields.usernameDescription')}
          value={personalId}
          onChange={(e) => {
            setPersonalId(e.currentTarget.value)
            setErrors((x) => ({ ...x, personalId: undefined }))
          }}
          error={shown.personalId}
          autoComplete="username"
          maxLength={20}
          size="md"
          required
        />
        <TextInput
          ref={phoneRef}
          label={t('citizen.fields.phone')}
          description={t('citizen.fields.phoneDescription')}
          value={phone}
          onChange={(e) => {
            setPhone(e.currentTarget.value)
            setErrors((x) => ({ ...x, phone: undefined }))
          }}
          error={shown.phone}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          size="md"
          required
        />
        {otherError && serverError && <AccountErrorAlert error={serverError} />}
        <Button type="submit" size="lg" fullWidth loading={start.isPending}>
          {t('citizen.activate.startSubmit')}
        </Button>
      </Stack>
    </form>
  )
}
