import { Button, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { nationalityOptions } from './nationalities'
import {
  type Applicant,
  checkDetails,
  type DetailsErrors,
  type DetailsField,
  detailsFields,
  type RegistrationDetails,
} from './registrationForm'

type Props = {
  details: RegistrationDetails
  onChange: (details: RegistrationDetails) => void
  onNext: () => void
  /** Errors the server found in these fields (after a submit), shown under each one. */
  serverErrors: DetailsErrors
}

type FieldElement = HTMLInputElement | HTMLSelectElement

/**
 * Step 1: who is registering — a Vietnamese citizen (ID number) or a foreigner with a residence card
 * (passport, nationality, residence card) — then the common details. Checked in the browser before
 * going on; the server checks again.
 */
export const DetailsStep = ({ details, onChange, onNext, serverErrors }: Props) => {
  const { t, i18n } = useTranslation()
  const [errors, setErrors] = useState<DetailsErrors>({})
  const refs = useRef<Partial<Record<DetailsField, FieldElement | null>>>({})
  const shown: DetailsErrors = { ...serverErrors, ...errors }
  const foreigner = details.applicant === 'foreigner'
  const nationalities = useMemo(() => nationalityOptions(i18n.language), [i18n.language])

  const set = (field: DetailsField) => (event: React.ChangeEvent<FieldElement>) => {
    onChange({ ...details, [field]: event.currentTarget.value })
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const choose = (applicant: Applicant) => {
    // The name, birth date, phone and e-mail carry over; each kind keeps its own document numbers.
    onChange({ ...details, applicant })
    setErrors({})
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = checkDetails(details)
    const fields = detailsFields(details.applicant)
    const next: DetailsErrors = {}
    for (const field of fields) {
      const key = found[field]
      if (key) next[field] = t(key)
    }
    setErrors(next)
    const first = fields.find((f) => next[f])
    if (first) return refs.current[first]?.focus()
    onNext()
  }

  const common = (field: DetailsField) => ({
    ref: (el: FieldElement | null) => {
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
        <Radio.Group
          label={t('citizen.register.applicant')}
          value={details.applicant}
          onChange={(value) => choose(value === 'foreigner' ? 'foreigner' : 'citizen')}
          size="md"
        >
          <Group gap="lg" mt="xs">
            <Radio value="citizen" label={t('citizen.register.applicantCitizen')} />
            <Radio value="foreigner" label={t('citizen.register.applicantForeigner')} />
          </Group>
        </Radio.Group>
        {foreigner ? (
          <>
            <TextInput
              {...common('passportNumber')}
              label={t('citizen.fields.passportNumber')}
              description={t('citizen.fields.passportNumberDescription')}
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={20}
              required
            />
            <NativeSelect
              {...common('nationality')}
              label={t('citizen.fields.nationality')}
              description={t('citizen.fields.nationalityDescription')}
              data={[{ value: '', label: t('citizen.fields.nationalityPlaceholder') }, ...nationalities]}
              required
            />
            <TextInput
              {...common('residenceCardNumber')}
              label={t('citizen.fields.residenceCardNumber')}
              description={t('citizen.fields.residenceCardNumberDescription')}
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={30}
              required
            />
          </>
        ) : (
          <TextInput
            {...common('personalId')}
            label={t('citizen.fields.personalId')}
            description={t('citizen.fields.personalIdDescription')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            required
          />
        )}
        <TextInput
          {...common('fullName')}
          label={t('citizen.fields.fullName')}
          description={t(
            foreigner ? 'citizen.fields.fullNameForeignerDescription' : 'citizen.fields.fullNameDescription',
          )}
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
