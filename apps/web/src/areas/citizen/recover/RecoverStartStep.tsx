import { Button, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert } from '../accountErrors'
import { type RecoveryStart, useStartRecovery } from '../accountsApi'
import {
  formatIsoDate,
  isMobilePhone,
  isPersonalId,
  normalizePersonalId,
  normalizePhone,
  parseBirthDate,
} from '../citizenFields'

type Field = 'personalId' | 'phone' | 'fullName' | 'dateOfBirth' | 'cardIssuedOn'
const FIELDS: readonly Field[] = ['personalId', 'phone', 'fullName', 'dateOfBirth', 'cardIssuedOn']
type Values = Record<Field, string>

const EMPTY: Values = { personalId: '', phone: '', fullName: '', dateOfBirth: '', cardIssuedOn: '' }
const INPUT: Record<Field, { inputMode?: 'numeric' | 'tel'; autoComplete: string; maxLength: number }> = {
  personalId: { inputMode: 'numeric', autoComplete: 'username', maxLength: 20 },
  phone: { inputMode: 'tel', autoComplete: 'tel', maxLength: 20 },
  fullName: { autoComplete: 'name', maxLength: 200 },
  dateOfBirth: { inputMode: 'numeric', autoComplete: 'bday', maxLength: 10 },
  cardIssuedOn: { inputMode: 'numeric', autoComplete: 'off', maxLength: 10 },
}

/** Recovery, step 1: the answer is the same whether or not the facts agree with the records. */
export const RecoverStartStep = ({
  initial,
  onSent,
}: {
  initial: RecoveryStart | null
  onSent: (s: RecoveryStart) => void
}) => {
  const { t } = useTranslation()
  const start = useStartRecovery()
  const [values, setValues] = useState<Values>(
    initial
      ? {
          ...initial,
          dateOfBirth: formatIsoDate(initial.dateOfBirth),
          cardIssuedOn: formatIsoDate(initial.cardIssuedOn),
        }
      : EMPTY,
  )
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const refs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({})

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const request = {
      personalId: normalizePersonalId(values.personalId),
      phone: normalizePhone(values.phone),
      fullName: values.fullName.trim().replace(/\s+/g, ' '),
      dateOfBirth: parseBirthDate(values.dateOfBirth) ?? '',
      cardIssuedOn: parseBirthDate(values.cardIssuedOn) ?? '',
    }
    const next: Partial<Record<Field, string>> = {
      ...(isPersonalId(request.personalId) ? {} : { personalId: t('citizen.fields.personalIdInvalid') }),
      ...(isMobilePhone(request.phone) ? {} : { phone: t('citizen.fields.phoneInvalid') }),
      ...(request.fullName ? {} : { fullName: t('citizen.fields.fullNameRequired') }),
      ...(request.dateOfBirth ? {} : { dateOfBirth: t('citizen.fields.dateOfBirthInvalid') }),
      ...(request.cardIssuedOn ? {} : { cardIssuedOn: t('citizen.recover.cardIssuedOnInvalid') }),
    }
    setErrors(next)
    const first = FIELDS.find((f) => next[f])
    if (first) return refs.current[first]?.focus()
    start.mutate(request, { onSuccess: () => onSent(request) })
  }

  const label = (f: Field) =>
    f === 'cardIssuedOn' ? t('citizen.recover.cardIssuedOn') : t(`citizen.fields.${f}`)
  const description = (f: Field) =>
    f === 'cardIssuedOn'
      ? t('citizen.recover.cardIssuedOnDescription')
      : f === 'phone'
        ? t('citizen.recover.phoneDescription')
        : t(`citizen.fields.${f}Description`)

  return (
    <form onSubmit={submit} noValidate aria-labelledby="recover-step-title">
      <Stack gap="md">
        {start.error && <AccountErrorAlert error={start.error} />}
        {FIELDS.map((f) => (
          <TextInput
            key={f}
            ref={(el) => {
              refs.current[f] = el
            }}
            label={label(f)}
            description={description(f)}
            value={values[f]}
            onChange={(e) => {
              const value = e.currentTarget.value
              setValues((v) => ({ ...v, [f]: value }))
              setErrors((x) => ({ ...x, [f]: undefined }))
            }}
            error={errors[f]}
            type={f === 'phone' ? 'tel' : 'text'}
            size="md"
            required
            {...INPUT[f]}
          />
        ))}
        <Button type="submit" size="lg" fullWidth loading={start.isPending}>
          {t('citizen.activate.startSubmit')}
        </Button>
      </Stack>
    </form>
  )
}
