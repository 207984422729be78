import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { captureFrame } from './imageData'

const cameraError = (error: unknown, t: TFunction): string => {
  const name = error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return t('officer.biometrics.camera.denied')
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return t('officer.biometrics.camera.notFound')
  return t('officer.biometrics.camera.failed', {
    message: error instanceof Error ? error.message : String(error),
  })
}

const stopAll = (stream: MediaStream | null) => {
  for (const track of stream?.getTracks() ?? []) track.stop()
}

/** Live camera preview with a capture button; the camera is on only between "start" and a capture. */
export const WebcamCapture = ({ onCapture }: { onCapture: (dataUrl: string) => void }) => {
  const { t } = useTranslation()
  const videoRef = useRef<HTMLVideoElement>(null)
  const mounted = useRef(false)
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [starting, setStarting] = useState(false)
  // Capture is possible once the first frame has arrived (before that the video has no size).
  const [ready, setReady] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  // Each stream is stopped when replaced or when the component goes: the camera light must not stay on.
  useEffect(() => {
    setReady(false)
    if (videoRef.current) videoRef.current.srcObject = stream
    return () => stopAll(stream)
  }, [stream])

  const start = async () => {
    setError(null)
    if (!navigator.mediaDevices?.getUserMedia) {
      setError(t('officer.biometrics.camera.unsupported'))
      return
    }
    setStarting(true)
    try {
      const opened = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 960 } },
        audio: false,
      })
      if (mounted.current) setStream(opened)
      else stopAll(opened)
    } catch (e) {
      if (mounted.current) setError(cameraError(e, t))
    } finally {
      if (mounted.current) setStarting(false)
    }
  }

  const capture = () => {
    const frame = videoRef.current && captureFrame(videoRef.current)
    if (!frame) return
    setStream(null)
    onCapture(frame)
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('officer.biometrics.camera.hint')}
      </Text>
      {stream && (
        <Box maw={480} w="100%">
          {/* Mirrored like a mirror for the citizen; the captured frame is not. */}
          <video
            ref={videoRef}
            autoPlay
            playsInline
            muted
            onLoadedData={() => setReady(true)}
            aria-label={t('officer.biometrics.camera.video')}
            style={{
              width: '100%',
              display: 'block',
              transform: 'scaleX(-1)',
              borderRadius: 'var(--mantine-radius-md)',
              background: '#000',
            }}
          />
        </Box>
      )}
      <Group gap="sm">
        {stream ? (
          <>
            <Button type="button" onClick={capture} disabled={!ready}>
              {t('officer.biometrics.camera.capture')}
            </Button>
            <Button type="button" variant="default" onClick={() => setStream(null)}>
              {t('officer.biometrics.camera.stop')}
            </Button>
          </>
        ) : (
          <Button type="button" variant="outline" loading={starting} onClick={() => void start()}>
            {t('officer.biometrics.camera.start')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  )
}
