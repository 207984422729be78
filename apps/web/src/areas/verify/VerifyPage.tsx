import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CameraToggle, qrScanMessages } from '../../camera/CameraToggle'
import { classifyQr } from './classifyQr'
import { OutcomeView } from './OutcomeView'
import { loadShareKeys } from './shareKeys'
import { VerifierForm } from './VerifierForm'
import {
  forgetVerifierCredentials,
  readVerifierCredentials,
  saveVerifierCredentials,
  type VerifierCredentials,
} from './verifierClient'
import { checkCardAgainstRegistry, type Outcome, verifyCode } from './verifyCode'

/**
 * "Kiểm tra mã QR", public, no login: offline codes verified in this browser against the published keys,
 * online codes redeemed with the verifier's own client, printed card codes read here (and checked against
 * the registry with the verifier's client).
 */
export const VerifyPage = () => {
  const { t } = useTranslation()
  const [verifier, setVerifier] = useState<VerifierCredentials | null>(() => readVerifierCredentials())
  const [text, setText] = useState('')
  const [pending, setPending] = useState(false)
  const [outcome, setOutcome] = useState<{ text: string; result: Outcome; seq: number } | null>(null)
  const seq = useRef(0)
  const resultRef = useRef<HTMLDivElement>(null)

  // Refresh the remembered keys while the network is there, so that verifying works offline later.
  useEffect(() => {
    void loadShareKeys(new Date()).catch(() => undefined)
  }, [])

  useEffect(() => {
    if (outcome) resultRef.current?.focus()
  }, [outcome])

  const check = async (raw: string) => {
    setPending(true)
    try {
      const result = await verifyCode(raw, verifier)
      seq.current += 1
      setOutcome({ text: raw, result, seq: seq.current })
    } finally {
      setPending(false)
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (text.trim()) void check(text)
  }
  const checkRegistry = async () => {
    const card = outcome?.result
    if (!outcome || card?.kind !== 'card' || !card.ok || !verifier) return
    setPending(true)
    const registry = await checkCardAgainstRegistry(outcome.text, verifier)
    setOutcome({ ...outcome, result: { ...card, registry } })
    setPending(false)
  }

  return (
    <Stack gap="lg" maw={720} mx="auto">
      <Stack gap={4}>
        <Title order={1}>{t('verify.title')}</Title>
        <Text c="dimmed">{t('verify.intro')}</Text>
      </Stack>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <CameraToggle
            accept={(read) => {
              if (classifyQr(read).kind === 'unknown') return false
              setText(read)
              void check(read)
              return true
            }}
            label={t('verify.useCamera')}
            hint={t('verify.cameraHint')}
            messages={qrScanMessages(t, 'share.checkApp.scan', { rejected: t('verify.unknownKind') })}
          />
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Textarea
                label={t('verify.paste')}
                description={t('verify.pasteHint')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={3}
                maxRows={8}
                spellCheck={false}
                autoComplete="off"
                styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }}
              />
              <Button type="submit" size="md" loading={pending} disabled={!text.trim()}>
                {t('verify.check')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
      {outcome && (
        <div
          ref={resultRef}
          tabIndex={-1}
          aria-live="polite"
          style={{ outline: 'none' }}
          data-testid="verify-result"
          data-seq={outcome.seq}
        >
          <OutcomeView
            outcome={outcome.result}
            registrySlot={
              verifier ? (
                <Button
                  variant="outline"
                  onClick={() => void checkRegistry()}
                  loading={pending}
                  w="fit-content"
                >
                  {t('verify.registry.check')}
                </Button>
              ) : undefined
            }
          />
        </div>
      )}
      <VerifierForm
        current={verifier}
        onSave={(c) => {
          saveVerifierCredentials(c)
          setVerifier(c)
        }}
        onForget={() => {
          forgetVerifierCredentials()
          setVerifier(null)
        }}
      />
    </Stack>
  )
}
