import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { cameraProblemOf, cameraSupported, errorText, stopAll } from './cameraProblem'
import { captureFrame } from './imageData'

const cameraError = (error: unknown, t: TFunction): string => {
  const problem = cameraProblemOf(error)
  if (problem === 'denied') return t('camera.denied')
  if (problem === 'notFound') return t('camera.notFound')
  return t('camera.failed', { message: errorText(error) })
}

type Props = {
  onCapture: (dataUrl: string) => void
  /** What to tell the person in front of the camera. */
  hint: string
  /** Drawn over the live preview (e.g. a face oval guide); it does not end up in the captured frame. */
  overlay?: ReactNode
  /** Taller buttons for phones. */
  size?: 'sm' | 'md' | 'lg'
}

/** Live camera preview with a capture button; the camera is on only between "start" and a capture. */
export const WebcamCapture = ({ onCapture, hint, overlay, size = 'sm' }: Props) => {
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
    if (!cameraSupported()) {
      setError(t('camera.unsupported'))
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
        {hint}
      </Text>
      {stream && (
        <Box maw={480} w="100%" pos="relative">
          {/* Mirrored like a mirror for the citizen; the captured frame is not. */}
          <video
            ref={videoRef}
            autoPlay
            playsInline
            muted
            onLoadedData={() => setReady(true)}
            aria-label={t('camera.video')}
            style={{
              width: '100%',
              display: 'block',
              transform: 'scaleX(-1)',
              borderRadius: 'var(--mantine-radius-md)',
              background: '#000',
            }}
          />
          {overlay}
        </Box>
      )}
      <Group gap="sm">
        {stream ? (
          <>
            <Button type="button" size={size} onClick={capture} disabled={!ready}>
              {t('camera.capture')}
            </Button>
            <Button type="button" size={size} variant="default" onClick={() => setStream(null)}>
              {t('camera.stop')}
            </Button>
          </>
        ) : (
          <Button type="button" size={size} variant="outline" loading={starting} onClick={() => void start()}>
            {t('camera.start')}
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
