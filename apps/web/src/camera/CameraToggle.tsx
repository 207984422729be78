import { Button } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { type QrScanMessages, QrScanner } from './QrScanner'

// The i18n sections that hold a full set of the scanner's texts.
type ScanTexts = 'share.checkApp.scan' | 'webLogin.scan' | 'officer.counter.scan'

/** The scanner's texts from one i18n section (`<section>.scanning`, `.rejected`, …), some overridden. */
export const qrScanMessages = (
  t: TFunction,
  prefix: ScanTexts,
  overrides: Partial<QrScanMessages> = {},
): QrScanMessages => ({
  scanning: t(`${prefix}.scanning`),
  rejected: t(`${prefix}.rejected`),
  close: t(`${prefix}.close`),
  noCode: t(`${prefix}.noCode`),
  denied: t(`${prefix}.denied`),
  notFound: t(`${prefix}.notFound`),
  unsupported: t(`${prefix}.unsupported`),
  failed: t(`${prefix}.failed`),
  reader: t(`${prefix}.reader`),
  ...overrides,
})

type Props = {
  /** Takes a code read by the camera: true closes the camera, false keeps it looking (not this kind of QR). */
  accept: (text: string) => boolean
  label: string
  hint: string
  messages: QrScanMessages
  giveUpAfterMs?: number
}

/** A "use the camera" button that opens the QR scanner in its place until a code is accepted or closed. */
export const CameraToggle = ({ accept, label, hint, messages, giveUpAfterMs = 60_000 }: Props) => {
  const [scanning, setScanning] = useState(false)
  return scanning ? (
    <QrScanner
      onCode={(text) => {
        const ok = accept(text)
        if (ok) setScanning(false)
        return ok
      }}
      onClose={() => setScanning(false)}
      hint={hint}
      giveUpAfterMs={giveUpAfterMs}
      messages={messages}
    />
  ) : (
    <Button variant="outline" size="md" onClick={() => setScanning(true)}>
      {label}
    </Button>
  )
}
