import { Button, FileInput, Image, Input, Paper, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_IMAGE_BYTES, readAsDataUrl } from '../../../camera/imageData'
import { WebcamCapture } from '../../../camera/WebcamCapture'

export type PhotoSource = 'upload' | 'camera'
export type Photo = { dataUrl: string; source: PhotoSource }

type Props = {
  photo: Photo | null
  onChange: (photo: Photo | null) => void
  /** A "photo required" message from the form's own validation. */
  error?: string | undefined
}

const Preview = ({ photo }: { photo: Photo }) => {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Image
        src={photo.dataUrl}
        alt={t('officer.biometrics.check.preview')}
        maw={240}
        mah={300}
        fit="contain"
        radius="md"
        bg="gray.1"
      />
      <Text size="sm" c="dimmed" aria-hidden="true">
        {t('officer.biometrics.check.preview')}
      </Text>
    </Stack>
  )
}

/** The photo to check: a file upload or a webcam capture, with a preview of what will be sent. */
export const FacePhotoField = ({ photo, onChange, error }: Props) => {
  const { t } = useTranslation()
  const [source, setSource] = useState<PhotoSource>('upload')
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)

  const chooseSource = (value: string) => {
    setSource(value === 'camera' ? 'camera' : 'upload')
    setFile(null)
    setFileError(null)
    onChange(null)
  }

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen)
    setFileError(null)
    onChange(null)
    if (!chosen) return
    if (chosen.type !== '' && !chosen.type.startsWith('image/'))
      return setFileError(t('officer.biometrics.check.fileNotImage'))
    if (chosen.size > MAX_IMAGE_BYTES) return setFileError(t('officer.biometrics.check.fileTooLarge'))
    onChange({ dataUrl: await readAsDataUrl(chosen), source: 'upload' })
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Stack gap={6}>
          <Text component="span" fw={500} size="sm" id="photo-source-label">
            {t('officer.biometrics.check.sourceLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="photo-source-label"
            value={source}
            onChange={chooseSource}
            data={[
              { value: 'upload', label: t('officer.biometrics.check.sourceUpload') },
              { value: 'camera', label: t('officer.biometrics.check.sourceCamera') },
            ]}
            fullWidth
            maw={420}
          />
        </Stack>

        {source === 'upload' ? (
          <FileInput
            label={t('officer.biometrics.check.file')}
            description={t('officer.biometrics.check.fileDescription')}
            placeholder={t('officer.biometrics.check.filePlaceholder')}
            accept="image/*"
            value={file}
            onChange={(chosen) => void chooseFile(chosen)}
            error={fileError ?? error}
            clearable
            required
            maw={420}
          />
        ) : photo ? (
          <Button type="button" variant="outline" w="fit-content" onClick={() => onChange(null)}>
            {t('camera.retake')}
          </Button>
        ) : (
          <Stack gap={4}>
            <WebcamCapture
              hint={t('officer.biometrics.camera.hint')}
              onCapture={(dataUrl) => onChange({ dataUrl, source: 'camera' })}
            />
            {error && <Input.Error>{error}</Input.Error>}
          </Stack>
        )}

        {photo && <Preview photo={photo} />}
      </Stack>
    </Paper>
  )
}
