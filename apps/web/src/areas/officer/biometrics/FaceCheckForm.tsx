import { Button, Group, Paper, Radio, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BiometricUse, FaceCheck } from '../../../api'
import { base64Of } from '../../../camera/imageData'
import { isPersonalId, normalizePersonalId } from '../searchParams'
import { BIOMETRIC_USES } from './biometricLabels'
import { FacePhotoField, type Photo } from './FacePhotoField'

type Props = {
  onSubmit: (check: FaceCheck) => void
  onReset: () => void
  disabled?: boolean
  pending: boolean
}

type Errors = { id?: string; photo?: string }

export const FaceCheckForm = ({ onSubmit, onReset, disabled, pending }: Props) => {
  const { t } = useTranslation()
  const [id, setId] = useState('')
  const [use, setUse] = useState<BiometricUse>('counter_capture')
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  // Remounts the photo field on reset, which also turns the camera off.
  const [photoKey, setPhotoKey] = useState(0)
  const idRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const subjectId = normalizePersonalId(id)
    const next: Errors = {}
    if (!isPersonalId(subjectId)) next.id = t('officer.biometrics.check.personalIdInvalid')
    if (!photo) next.photo = t('officer.biometrics.check.photoRequired')
    setErrors(next)
    if (next.id) return idRef.current?.focus()
    if (!photo) return
    onSubmit({ subjectId, use, image: base64Of(photo.dataUrl) })
  }

  const reset = () => {
    setId('')
    setUse('counter_capture')
    setPhoto(null)
    setErrors({})
    setPhotoKey((k) => k + 1)
    onReset()
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="face-check-title">
        <Stack gap="lg">
          <TextInput
            ref={idRef}
            label={t('officer.biometrics.check.personalId')}
            description={t('officer.biometrics.check.personalIdDescription')}
            value={id}
            onChange={(event) => setId(event.currentTarget.value)}
            error={errors.id}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            required
            maw={360}
          />
          <Radio.Group
            label={t('officer.biometrics.check.useLabel')}
            value={use}
            onChange={(value) => setUse(BIOMETRIC_USES.find((u) => u === value) ?? 'counter_capture')}
            name="biometric-use"
            required
          >
            <Stack gap="sm" mt="xs">
              {BIOMETRIC_USES.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`officer.biometrics.uses.${value}.label`)}
                  description={t(`officer.biometrics.uses.${value}.description`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <FacePhotoField
            key={photoKey}
            photo={photo}
            onChange={(next) => {
              setPhoto(next)
              if (next) setErrors((e) => ({ ...e, photo: undefined }))
            }}
            error={errors.photo}
          />
          <Group gap="sm">
            <Button type="submit" disabled={disabled} loading={pending}>
              {t('officer.biometrics.check.submit')}
            </Button>
            <Button type="button" variant="default" onClick={reset}>
              {t('officer.biometrics.check.reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
