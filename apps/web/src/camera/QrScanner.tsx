import { Alert, Box, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CameraProblem, cameraProblemOf, cameraSupported, errorText, stopAll } from './cameraProblem'
import { frameImageData } from './imageData'

/** What can stop a scan: the camera, the reader (its .wasm), or no wanted code in time. */
export type QrScanProblem = CameraProblem | 'reader' | 'noCode'
export type QrScanMessages = Record<QrScanProblem | 'rejected' | 'scanning' | 'close', string>

type ReadFrame = (image: ImageData) => Promise<string[]>

type Props = {
  /** Each QR text read; answer true when it is the code wanted (the camera then stops). */
  onCode: (text: string) => boolean
  onClose: () => void
  hint: string
  messages: QrScanMessages
  /** No wanted code for this long: the camera stops and the officer is told why. */
  giveUpAfterMs: number
}

// A frame every 150 ms is quick enough for a card held up to the camera and leaves the CPU to the page.
const FRAME_GAP_MS = 150

/** Opens the camera and reads QR codes from its frames (zxing-wasm) until one is wanted, or gives up. */
export const QrScanner = (props: Props) => {
  // "Turn on camera" after a problem starts a fresh session: new camera, new timer.
  const [round, setRound] = useState(0)
  return <ScanSession key={round} {...props} onRetry={() => setRound((r) => r + 1)} />
}

const ScanSession = ({
  onCode,
  onClose,
  onRetry,
  hint,
  messages,
  giveUpAfterMs,
}: Props & { onRetry: () => void }) => {
  const { t } = useTranslation()
  const videoRef = useRef<HTMLVideoElement>(null)
  const onCodeRef = useRef(onCode)
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [reader, setReader] = useState<ReadFrame | null>(null)
  const [problem, setProblem] = useState<{ kind: QrScanProblem; detail?: string } | null>(null)
  const [rejected, setRejected] = useState(false)

  useEffect(() => {
    onCodeRef.current = onCode
  })

  // Camera and reader start together; the camera is stopped when replaced, on a problem and on unmount.
  useEffect(() => {
    let live = true
    if (!cameraSupported()) {
      setProblem({ kind: 'unsupported' })
      return
    }
    const loading = import('./qrReader').then((m) => m.loadQrReader())
    navigator.mediaDevices
      .getUserMedia({
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      })
      .then(
        (opened) => (live ? setStream(opened) : stopAll(opened)),
        (e: unknown) => live && setProblem({ kind: cameraProblemOf(e), detail: errorText(e) }),
      )
    loading.then(
      (read) => live && setReader(() => read),
      (e: unknown) => live && setProblem({ kind: 'reader', detail: errorText(e) }),
    )
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = stream
    return () => stopAll(stream)
  }, [stream])

  // A problem stops the camera, also one that opened after the reader had already failed.
  useEffect(() => {
    if (problem && stream) setStream(null)
  }, [problem, stream])

  // Frames are read one after another (never two at once) from the first frame the reader can see.
  useEffect(() => {
    if (!stream || !reader) return
    let live = true
    let timer = 0
    let since: number | null = null
    const canvas = document.createElement('canvas')
    const tick = async () => {
      const image = videoRef.current ? frameImageData(videoRef.current, canvas) : null
      if (image) {
        since ??= Date.now()
        try {
          for (const text of await reader(image)) {
            if (!live) return
            if (onCodeRef.current(text)) return setStream(null)
            setRejected(true)
          }
        } catch (e) {
          if (live) setProblem({ kind: 'reader', detail: errorText(e) })
          return
        }
      }
      if (!live) return
      if (since !== null && Date.now() - since > giveUpAfterMs) return setProblem({ kind: 'noCode' })
      timer = window.setTimeout(() => void tick(), FRAME_GAP_MS)
    }
    timer = window.setTimeout(() => void tick(), 0)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [stream, reader, giveUpAfterMs])

  const scanning = stream !== null && reader !== null
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {stream && (
        <Box maw={480} w="100%" pos="relative">
          {/* Not mirrored: the officer holds a card up to the camera, and text on it must read the right way. */}
          <video
            ref={videoRef}
            autoPlay
            playsInline
            muted
            aria-label={t('camera.video')}
            style={{
              width: '100%',
              display: 'block',
              borderRadius: 'var(--mantine-radius-md)',
              background: '#000',
            }}
          />
        </Box>
      )}
      {!problem && !scanning && <Loader size="sm" aria-label={t('common.loading')} />}
      {scanning && (
        <Text size="sm" role="status">
          {messages.scanning}
        </Text>
      )}
      {scanning && rejected && (
        <Alert color="yellow" variant="light" role="status">
          {messages.rejected}
        </Alert>
      )}
      {problem && (
        <Alert color="red" variant="light" role="alert" data-problem={problem.kind}>
          <Stack gap={4}>
            <Text fw={600}>{messages[problem.kind]}</Text>
            {problem.detail && (
              <Text size="xs" c="dimmed">
                {problem.detail}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <Group gap="sm">
        {problem && problem.kind !== 'unsupported' && (
          <Button type="button" variant="outline" onClick={onRetry}>
            {t('camera.start')}
          </Button>
        )}
        <Button type="button" variant="default" onClick={onClose}>
          {problem ? messages.close : t('camera.stop')}
        </Button>
      </Group>
    </Stack>
  )
}
