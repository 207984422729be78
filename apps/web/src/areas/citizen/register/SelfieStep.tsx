import { Button, Checkbox, Stack, Text } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SelfieField } from './SelfieField'

type Props = {
  summary: string
  photo: string | null
  onPhoto: (photo: string | null) => void
  onBack: () => void
  onSubmit: () => void
  pending: boolean
  /** The server's word on the selfie (e.g. too large), shown under the field. */
  serverError?: string | undefined
}

/** Step 2: the face photo and the consent to processing (Decree 13/2023), then the submission. */
export const SelfieStep = ({ summary, photo, onPhoto, onBack, onSubmit, pending, serverError }: Props) => {
  const { t } = useTranslation()
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<{ photo?: string; consent?: string }>({})
  const consentRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next = {
      ...(photo ? {} : { photo: t('citizen.register.photoRequired') }),
      ...(consent ? {} : { consent: t('citizen.register.consentRequired') }),
    }
    setErrors(next)
    if (next.consent && photo) consentRef.current?.focus()
    if (next.photo || next.consent) return
    onSubmit()
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-step-title">
      <Stack gap="lg">
        <Stack gap={0} align="flex-start">
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
          <Button type="button" variant="subtle" size="sm" px={0} onClick={onBack}>
            {t('citizen.register.edit')}
          </Button>
        </Stack>
        <Text>{t('citizen.register.selfieIntro')}</Text>
        <SelfieField
          photo={photo}
          onChange={(next) => {
            onPhoto(next)
            if (next) setErrors((e) => ({ ...e, photo: undefined }))
          }}
          error={errors.photo ?? serverError}
        />
        <Checkbox
          ref={consentRef}
          checked={consent}
          onChange={(event) => {
            setConsent(event.currentTarget.checked)
            if (event.currentTarget.checked) setErrors((e) => ({ ...e, consent: undefined }))
          }}
          label={t('citizen.register.consent')}
          error={errors.consent}
          size="md"
          required
        />
        <Button type="submit" size="lg" fullWidth loading={pending}>
          {t('citizen.register.submit')}
        </Button>
      </Stack>
    </form>
  )
}
