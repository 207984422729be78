import { parseCccdQr, VN_ID_MESSAGES_EN, VN_ID_MESSAGES_VI } from '@dinhdanh/vn-id'
import { Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { qrScanMessages } from '../../../camera/CameraToggle'
import { QrScanner } from '../../../camera/QrScanner'
import { currentLanguage } from '../../../i18n'
import { CodedErrorAlert } from '../../../layout/CodedErrorAlert'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { CardCheckResult } from './CardCheckResult'
import { useCardCheck } from './cardCheckApi'

// No card QR in front of the camera for this long: the camera stops and the officer is told what to try.
const SCAN_GIVE_UP_SECONDS = 20

const vnIdText = (reason: unknown): string | undefined => {
  const messages: Record<string, string> = currentLanguage() === 'vi' ? VN_ID_MESSAGES_VI : VN_ID_MESSAGES_EN
  return typeof reason === 'string' ? messages[reason] : undefined
}

const CheckError = ({ error }: { error: ApiError }) => {
  const { t } = useTranslation()
  if (error.code !== 'card_check.QR_INVALID') return <ErrorAlert error={error} />
  return (
    <CodedErrorAlert
      error={error}
      title={t('officer.cardCheck.errors.title')}
      text={t('officer.cardCheck.errors.qrInvalid')}
    >
      {vnIdText(error.details?.reason) && <Text size="sm">{vnIdText(error.details?.reason)}</Text>}
    </CodedErrorAlert>
  )
}

/** Officer portal: a printed card's QR (scanner, camera or paste) checked against the registry. */
export const CardCheckPage = () => {
  const { t } = useTranslation()
  const [input, setInput] = useState('')
  const [missing, setMissing] = useState(false)
  const [scanning, setScanning] = useState(false)
  const check = useCardCheck()

  const run = (qr: string) => {
    if (qr.trim() === '') {
      setMissing(true)
      return
    }
    setMissing(false)
    check.mutate(qr)
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    run(input)
  }
  // The camera may see other codes (a payment QR on the desk): only a card's QR ends the scan.
  const scanned = (text: string): boolean => {
    if (!parseCccdQr(text, { crossCheck: false }).ok) return false
    setScanning(false)
    setInput(text)
    run(text)
    return true
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('officer.cardCheck.title')}</Title>
      <Text maw={760}>{t('officer.cardCheck.intro')}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('officer.cardCheck.field')}
              description={t('officer.cardCheck.fieldDescription')}
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              // A handheld scanner ends with Enter: submit rather than add a line.
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault()
                  run(e.currentTarget.value)
                }
              }}
              error={missing ? t('officer.cardCheck.required') : null}
              autosize
              minRows={2}
              maxLength={2000}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              required
              data-testid="qr-input"
            />
            <Group gap="sm">
              <Button type="submit" loading={check.isPending}>
                {t('officer.cardCheck.submit')}
              </Button>
              {!scanning && (
                <Button type="button" variant="outline" onClick={() => setScanning(true)}>
                  {t('officer.cardCheck.scan')}
                </Button>
              )}
              {(input !== '' || check.data) && (
                <Button
                  type="button"
                  variant="subtle"
                  onClick={() => {
                    setInput('')
                    check.reset()
                  }}
                >
                  {t('officer.cardCheck.clear')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
        {scanning && (
          <Stack mt="md" gap="xs" component="section" aria-label={t('officer.cardCheck.scanTitle')}>
            <QrScanner
              onCode={scanned}
              onClose={() => setScanning(false)}
              hint={t('officer.cardCheck.scanHint')}
              giveUpAfterMs={SCAN_GIVE_UP_SECONDS * 1000}
              messages={qrScanMessages(t, 'officer.counter.scan', {
                rejected: t('officer.cardCheck.scanRejected'),
                noCode: t('officer.counter.scan.noCode', { seconds: SCAN_GIVE_UP_SECONDS }),
              })}
            />
          </Stack>
        )}
      </Paper>
      {check.isPending && <Loader aria-label={t('officer.cardCheck.checking')} />}
      {check.isError && <CheckError error={check.error} />}
      {check.data && !check.isPending && <CardCheckResult result={check.data} />}
    </Stack>
  )
}
