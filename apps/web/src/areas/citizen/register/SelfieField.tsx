import { Button, FileInput, Image, Input, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_IMAGE_BYTES, readAsDataUrl } from '../../../camera/imageData'
import { WebcamCapture } from '../../../camera/WebcamCapture'
import { FaceOval } from './FaceOval'

type Source = 'camera' | 'upload'

type Props = {
  /** The chosen photo as a data URL. */
  photo: string | null
  onChange: (photo: string | null) => void
  error?: string | undefined
}

/** The selfie: the device camera with a face guide (retake at will), or a photo file. */
export const SelfieField = ({ photo, onChange, error }: Props) => {
  const { t } = useTranslation()
  const [source, setSource] = useState<Source>('camera')
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)

  const chooseSource = (value: string) => {
    setSource(value === 'upload' ? 'upload' : 'camera')
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
      return setFileError(t('citizen.register.fileNotImage'))
    if (chosen.size > MAX_IMAGE_BYTES) return setFileError(t('citizen.register.fileTooLarge'))
    onChange(await readAsDataUrl(chosen))
  }

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text component="span" fw={500} size="sm" id="selfie-source-label">
          {t('citizen.register.sourceLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="selfie-source-label"
          value={source}
          onChange={chooseSource}
          data={[
            { value: 'camera', label: t('citizen.register.sourceCamera') },
            { value: 'upload', label: t('citizen.register.sourceUpload') },
          ]}
          size="md"
          fullWidth
        />
      </Stack>

      {source === 'upload' ? (
        <FileInput
          label={t('citizen.register.file')}
          description={t('citizen.register.fileDescription')}
          placeholder={t('citizen.register.filePlaceholder')}
          accept="image/*"
          value={file}
          onChange={(chosen) => void chooseFile(chosen)}
          error={fileError ?? error}
          size="md"
          clearable
          required
        />
      ) : photo ? (
        <Button type="button" variant="outline" size="md" onClick={() => onChange(null)}>
          {t('camera.retake')}
        </Button>
      ) : (
        <Stack gap={4}>
          <WebcamCapture
            hint={t('citizen.register.cameraHint')}
            overlay={<FaceOval />}
            size="md"
            onCapture={onChange}
          />
          {error && <Input.Error>{error}</Input.Error>}
        </Stack>
      )}

      {photo && (
        <Image
          src={photo}
          alt={t('citizen.register.preview')}
          maw={240}
          mah={300}
          fit="contain"
          radius="md"
          bg="gray.1"
          mx="auto"
        />
      )}
    </Stack>
  )
}
