import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { base64Of } from '../../../camera/imageData'
import { BiometricErrorAlert } from '../biometrics/BiometricErrorAlert'
import { FacePhotoField, type Photo } from '../biometrics/FacePhotoField'
import { CounterErrorAlert } from './CounterErrorAlert'
import { type Dossier, useCaptureBiometrics } from './counterApi'
import { base64OfBytes, readFingerPositions } from './fingerprintRecord'

type Props = { dossier: Dossier; onVerified: (dossier: Dossier) => void }
type Fingers = { base64: string; positions: number[] }
type Errors = { photo?: string; fingers?: string }

const MISMATCH = ['enrolment.FACE_MISMATCH', 'enrolment.FINGERPRINT_MISMATCH']

/** Step 3: the portrait (webcam or photo) and an ISO/IEC 19794-2 record, checked 1:1; a no-match can be retried. */
export const BiometricsStep = ({ dossier, onVerified }: Props) => {
  const { t } = useTranslation()
  const capture = useCaptureBiometrics(dossier.id)
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [fingers, setFingers] = useState<Fingers | null>(null)
  const [errors, setErrors] = useState<Errors>({})

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen)
    setFingers(null)
    setErrors((e) => ({ ...e, fingers: undefined }))
    if (!chosen) return
    const bytes = new Uint8Array(await chosen.arrayBuffer())
    const record = readFingerPositions(bytes)
    if (!record)
      return setErrors((e) => ({ ...e, fingers: t('officer.counter.biometrics.fingerprintsInvalid') }))
    if (record.positions.length < 2)
      return setErrors((e) => ({
        ...e,
        fingers: t('officer.counter.biometrics.tooFewFingers', { count: record.positions.length }),
      }))
    setFingers({ base64: base64OfBytes(bytes), positions: record.positions })
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next: Errors = {
      ...(photo ? {} : { photo: t('officer.counter.biometrics.portraitRequired') }),
      ...(fingers ? {} : { fingers: errors.fingers ?? t('officer.counter.biometrics.fingerprintsRequired') }),
    }
    setErrors(next)
    if (!photo || !fingers) return
    capture.mutate(
      { portrait: base64Of(photo.dataUrl), fingerprints: fingers.base64 },
      { onSuccess: (d) => onVerified(d) },
    )
  }

  const error = capture.error
  const fingerNames =
    fingers?.positions.map((p) => t(`officer.counter.fingers.${String(p) as '0'}`)).join(', ') ?? ''
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="bio-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="bio-title">
            {t('officer.counter.biometrics.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('officer.counter.biometrics.intro')}
          </Text>
          {dossier.kind === 'FOREIGNER_L2_COUNTER' && (
            <Text size="sm" c="dimmed">
              {t('officer.counter.biometrics.foreignerNote')}
            </Text>
          )}
          <FacePhotoField
            photo={photo}
            onChange={(next) => {
              setPhoto(next)
              if (next) setErrors((e) => ({ ...e, photo: undefined }))
            }}
            error={errors.photo}
          />
          <FileInput
            label={t('officer.counter.biometrics.fingerprints')}
            description={t('officer.counter.biometrics.fingerprintsDescription')}
            placeholder={t('officer.counter.biometrics.fingerprintsPlaceholder')}
            accept=".iso,.fmr,.bin,.ist,application/octet-stream"
            value={file}
            onChange={(chosen) => void chooseFile(chosen)}
            error={errors.fingers}
            clearable
            clearButtonProps={{ 'aria-label': t('officer.counter.biometrics.clearFile') }}
            required
            maw={420}
          />
          {fingers && (
            <Text size="sm" data-testid="fingers-read">
              {t('officer.counter.biometrics.fingersRead', {
                count: fingers.positions.length,
                fingers: fingerNames,
              })}
            </Text>
          )}
          {error &&
            (MISMATCH.includes(error.code) ? (
              <Alert
                color="red"
                variant="light"
                title={t('officer.counter.biometrics.noMatch')}
                role="alert"
                data-result="no_match"
                data-code={error.code}
              >
                <Stack gap={4}>
                  <Text fw={600}>
                    {t(
                      `officer.counter.errors.${error.code === MISMATCH[0] ? 'enrolment_FACE_MISMATCH' : 'enrolment_FINGERPRINT_MISMATCH'}`,
                    )}
                  </Text>
                  <Text size="sm">{t('officer.counter.biometrics.retryHint')}</Text>
                </Stack>
              </Alert>
            ) : error.code.startsWith('biometrics.') ? (
              <BiometricErrorAlert error={error} />
            ) : (
              <CounterErrorAlert error={error} />
            ))}
          <Group>
            <Button type="submit" loading={capture.isPending}>
              {t('officer.counter.biometrics.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
