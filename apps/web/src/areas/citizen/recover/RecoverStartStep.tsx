import { Button, NativeSelect, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert } from '../accountErrors'
import { type RecoveryStart, useStartRecovery } from '../accountsApi'
import {
  formatIsoDate,
  isForeignerId,
  isMobilePhone,
  isPassportNumber,
  isUsername,
  normalizeDocumentNumber,
  normalizePhone,
  normalizeUsername,
  parseBirthDate,
} from '../citizenFields'
import { nationalityOptions } from '../register/nationalities'

type Field =
  | 'personalId'
  | 'phone'
  | 'fullName'
  | 'dateOfBirth'
  | 'cardIssuedOn'
  | 'passportNumber'
  | 'nationality'
type Values = Record<Field, string>

// A citizen proves the identity with the card's issue date, a foreigner with the passport (the NN number says which).
const CITIZEN_FIELDS: readonly Field[] = ['personalId', 'phone', 'fullName', 'dateOfBirth', 'cardIssuedOn']
const FOREIGNER_FIELDS: readonly Field[] = [
  'personalId',
  'phone',
  'fullName',
  'dateOfBirth',
  'passportNumber',
  'nationality',
]
const EMPTY: Values = {
  personalId: '',
  phone: '',
  fullName: '',
  dateOfBirth: '',
  cardIssuedOn: '',
  passportNumber: '',
  nationality: '',
}
const INPUT: Record<
  Exclude<Field, 'nationality'>,
  { inputMode?: 'numeric' | 'tel'; autoComplete: string; maxLength: number }
> = {
  personalId: { autoComplete: 'username', maxLength: 20 },
  phone: { inputMode: 'tel', autoComplete: 'tel', maxLength: 20 },
  fullName: { autoComplete: 'name', maxLength: 200 },
  dateOfBirth: { inputMode: 'numeric', autoComplete: 'bday', maxLength: 10 },
  cardIssuedOn: { inputMode: 'numeric', autoComplete: 'off', maxLength: 10 },
  passportNumber: { autoComplete: 'off', maxLength: 20 },
}

const fromInitial = (initial: RecoveryStart | null): Values =>
  initial
    ? {
        ...EMPTY,
        ...initial,
        dateOfBirth: formatIsoDate(initial.dateOfBirth),
        cardIssuedOn: formatIsoDate(initial.cardIssuedOn ?? ''),
      }
    : EMPTY

/** Recovery, step 1: the answer is the same whether or not the facts agree with the records. */
export const RecoverStartStep = ({
  initial,
  onSent,
}: {
  initial: RecoveryStart | null
  onSent: (s: RecoveryStart) => void
}) => {
  const { t, i18n } = useTranslation()
  const start = useStartRecovery()
  const nationalities = useMemo(() => nationalityOptions(i18n.language), [i18n.language])
  const [values, setValues] = useState<Values>(() => fromInitial(initial))
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const refs = useRef<Partial<Record<Field, HTMLInputElement | HTMLSelectElement | null>>>({})
  const foreigner = isForeignerId(normalizeUsername(values.personalId))
  const fields = foreigner ? FOREIGNER_FIELDS : CITIZEN_FIELDS

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const common = {
      personalId: normalizeUsername(values.personalId),
      phone: normalizePhone(values.phone),
      fullName: values.fullName.trim().replace(/\s+/g, ' '),
      dateOfBirth: parseBirthDate(values.dateOfBirth) ?? '',
    }
    const proof = foreigner
      ? { passportNumber: normalizeDocumentNumber(values.passportNumber), nationality: values.nationality }
      : { cardIssuedOn: parseBirthDate(values.cardIssuedOn) ?? '' }
    const request: RecoveryStart = { ...common, ...proof }
    const next: Partial<Record<Field, string>> = {
      ...(isUsername(common.personalId) ? {} : { personalId: t('citizen.fields.usernameInvalid') }),
      ...(isMobilePhone(common.phone) ? {} : { phone: t('citizen.fields.phoneInvalid') }),
      ...(common.fullName ? {} : { fullName: t('citizen.fields.fullNameRequired') }),
      ...(common.dateOfBirth ? {} : { dateOfBirth: t('citizen.fields.dateOfBirthInvalid') }),
      ...(foreigner
        ? {
            ...(isPassportNumber(request.passportNumber ?? '')
              ? {}
              : { passportNumber: t('citizen.fields.passportNumberInvalid') }),
            ...(request.nationality ? {} : { nationality: t('citizen.fields.nationalityRequired') }),
          }
        : request.cardIssuedOn
          ? {}
          : { cardIssuedOn: t('citizen.recover.cardIssuedOnInvalid') }),
    }
    setErrors(next)
    const first = fields.find((f) => next[f])
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
        : f === 'personalId'
          ? t('citizen.fields.usernameDescription')
          : f === 'fullName' && foreigner
            ? t('citizen.fields.fullNameForeignerDescription')
            : t(`citizen.fields.${f}Description`)
  const change = (f: Field, value: string) => {
    setValues((v) => ({ ...v, [f]: value }))
    setErrors((x) => ({ ...x, [f]: undefined }))
  }
  const ref = (f: Field) => (el: HTMLInputElement | HTMLSelectElement | null) => {
    refs.current[f] = el
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="recover-step-title">
      <Stack gap="md">
        {start.error && <AccountErrorAlert error={start.error} />}
        {fields.map((f) =>
          f === 'nationality' ? (
            <NativeSelect
              key={f}
              ref={ref(f)}
              label={label(f)}
              description={description(f)}
              value={values[f]}
              onChange={(e) => change(f, e.currentTarget.value)}
              error={errors[f]}
              data={[{ value: '', label: t('citizen.fields.nationalityPlaceholder') }, ...nationalities]}
              size="md"
              required
            />
          ) : (
            <TextInput
              key={f}
              ref={ref(f)}
              label={label(f)}
              description={description(f)}
              value={values[f]}
              onChange={(e) => change(f, e.currentTarget.value)}
              error={errors[f]}
              type={f === 'phone' ? 'tel' : 'text'}
              autoCapitalize={f === 'passportNumber' || f === 'personalId' ? 'characters' : undefined}
              size="md"
              required
              {...INPUT[f]}
            />
          ),
        )}
        <Button type="submit" size="lg" fullWidth loading={start.isPending}>
          {t('citizen.activate.startSubmit')}
        </Button>
      </Stack>
    </form>
  )
}
