import { TextInput } from '@mantine/core'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  value: string
  onChange: (code: string) => void
  error?: string | undefined
  description?: string
  label?: string
  ref?: Ref<HTMLInputElement>
}

/** The 6-digit SMS code: numeric keypad, and the phone offers the code from the message (one-time-code). */
export const CodeField = ({ value, onChange, error, description, label, ref }: Props) => {
  const { t } = useTranslation()
  return (
    <TextInput
      ref={ref}
      label={label ?? t('citizen.activate.code')}
      description={description ?? t('citizen.activate.codeDescription')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      error={error}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      size="lg"
      styles={{ input: { letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' } }}
      required
    />
  )
}

export const isCode = (value: string) => /^\d{6}$/.test(value)
