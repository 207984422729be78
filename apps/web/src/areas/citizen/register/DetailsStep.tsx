import { Button, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  checkDetails,
  DETAILS_FIELDS,
  type DetailsErrors,
  type DetailsField,
  type RegistrationDetails,
} from './registrationForm'

type Props = {
  details: RegistrationDetails
  onChange: (details: RegistrationDetails) => void
  onNext: () => void
  /** Errors the server found in these fields (after a submit), shown under each one. */
  serverErrors: DetailsErrors
}

/** Step 1: who is registering. Checked in the browser before going on; the server checks again. */
export const DetailsStep = ({ details, onChange, onNext, serverErrors }: Props) => {
  const { t } = useTranslation()
  const [errors, setErrors] = useState<DetailsErrors>({})
  const refs = useRef<Partial<Record<DetailsField, HTMLInputElement | null>>>({})
  const shown: DetailsErrors = { ...serverErrors, ...errors }

  const set = (field: DetailsField) => (event: React.ChangeEvent<HTMLInputElement>) => {
    onChange({ ...details, [field]: event.currentTarget.value })
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = checkDetails(details)
    const next: DetailsErrors = {}
    for (const field of DETAILS_FIELDS) {
      const key = found[field]
      if (key) next[field] = t(key)
    }
    setErrors(next)
    const first = DETAILS_FIELDS.find((f) => next[f])
    if (first) return refs.current[first]?.focus()
    onNext()
  }

  const common = (field: DetailsField) => ({
    ref: (el: HTMLInputElement | null) => {
      refs.current[field] = el
    },
    value: details[field],
    onChange: set(field),
    error: shown[field],
    size: 'md' as const,
  })

  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-step-title">
      <Stack gap="md">
        <TextInput
          {...common('personalId')}
          label={t('citizen.fields.personalId')}
          description={t('citizen.fields.personalIdDescription')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          required
        />
        <TextInput
          {...common('fullName')}
          label={t('citizen.fields.fullName')}
          description={t('citizen.fields.fullNameDescription')}
          autoComplete="name"
          autoCapitalize="words"
          maxLength={200}
          required
        />
        <TextInput
          {...common('dateOfBirth')}
          label={t('citizen.fields.dateOfBirth')}
          description={t('citizen.fields.dateOfBirthDescription')}
          placeholder="dd/mm/yyyy"
          autoComplete="bday"
          inputMode="numeric"
          maxLength={10}
          required
        />
        <TextInput
          {...common('phone')}
          label={t('citizen.fields.phone')}
          description={t('citizen.fields.phoneDescription')}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          maxLength={20}
          required
        />
        <TextInput
          {...common('email')}
          label={t('citizen.fields.email')}
          description={t('citizen.fields.emailDescription')}
          type="email"
          autoComplete="email"
          maxLength={200}
        />
        <Button type="submit" size="lg" fullWidth>
          {t('citizen.next')}
        </Button>
      </Stack>
    </form>
  )
}
