import { Alert, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatVnDateTime } from '../citizen/vnTime'
import type { OfflineProfile } from './compactBatch'
import { QR_LIFETIME_MS } from './compactBatch'
import { shouldAnnounce, useSecondsLeft } from './countdown'
import { type OfflineProblem, offlineProblemOf } from './offlineProblem'
import { QrCode } from './QrCode'
import { ShareErrorAlert } from './SharePage'
import { type ShareScope, useCancelShare, useCreateShare, useShareStatus } from './shareApi'

export type OfflineRequest = {
  accountId: string
  profile: OfflineProfile
  documentId?: string
  now: () => Date
}

/** A QR on screen: online (a token the server redeems) or offline (a signed presentation). */
export type Showing =
  | { mode: 'online'; scope: ShareScope; what: string; id: string; qr: string; deadline: number }
  | {
      mode: 'offline'
      scope: ShareScope
      what: string
      request: OfflineRequest
      qr: string
      deadline: number
    }

type Props = { showing: Showing; onReplace: (s: Showing) => void; onDone: () => void }

/** The QR large, its countdown, what happened to it, and the way to a new one or out. */
export const ShareDisplay = ({ showing, onReplace, onDone }: Props) => {
  const { t } = useTranslation()
  const left = useSecondsLeft(showing.deadline)
  const status = useShareStatus(showing.mode === 'online' ? showing.id : null)
  const create = useCreateShare()
  const cancel = useCancelShare()
  const [offlineProblem, setOfflineProblem] = useState<OfflineProblem | null>(null)
  const [regenerating, setRegenerating] = useState(false)
  const [announced, setAnnounced] = useState('')
  const state = status.data?.status
  const redeemed = state === 'redeemed'
  // The server decides for an online code; our own clock for an offline one (and for the display).
  const expired = state === 'expired' || (left === 0 && !redeemed)
  const cancelled = state === 'cancelled'
  const live = !expired && !redeemed && !cancelled

  useEffect(() => {
    if (live && shouldAnnounce(left)) setAnnounced(t('share.announce', { count: left }))
  }, [left, live, t])

  const regenerate = async () => {
    if (showing.mode === 'online') {
      if (live) cancel.mutate(showing.id, { onError: () => undefined })
      create.mutate(showing.scope, {
        onSuccess: (s) =>
          onReplace({ ...showing, id: s.id, qr: s.qr, deadline: Date.now() + QR_LIFETIME_MS }),
      })
      return
    }
    setRegenerating(true)
    setOfflineProblem(null)
    try {
      const { makeOfflineQr } = await import('./offlineQr')
      const qr = await makeOfflineQr(showing.request)
      onReplace({ ...showing, qr, deadline: Date.now() + QR_LIFETIME_MS })
    } catch (e) {
      setOfflineProblem(offlineProblemOf(e))
    } finally {
      setRegenerating(false)
    }
  }
  const stop = () => {
    if (showing.mode === 'online' && live) cancel.mutate(showing.id, { onSettled: onDone })
    else onDone()
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="share-showing">
      <Stack gap="md" align="center">
        <Stack gap={4} align="center">
          <Title order={2} size="h3" id="share-showing" ta="center">
            {t('share.sharing', { what: showing.what })}
          </Title>
          <Badge variant="light" size="lg">
            {t(showing.mode === 'online' ? 'share.modeOnline' : 'share.modeOffline')}
          </Badge>
        </Stack>
        {live && (
          <>
            <Text fw={600}>{t('share.showing')}</Text>
            <QrCode text={showing.qr} label={t('share.qrLabel', { what: showing.what })} />
            <Text role="timer" aria-live="off" fz={28} fw={700} data-testid="share-countdown">
              {t('share.secondsLeft', { count: left })}
            </Text>
          </>
        )}
        {/* Announced at 30 s, 10 s and on expiry only: a live region ticking every second would be noise. */}
        <VisuallyHidden aria-live="polite">{live ? announced : ''}</VisuallyHidden>
        {redeemed && status.data && (
          <Alert color="#1b5e20" variant="filled" role="status" w="100%">
            <Text fw={700} size="lg">
              {t('share.scanned', { name: status.data.redeemedBy?.name ?? '' })}
            </Text>
            <Text size="sm">
              {status.data.redeemedBy?.kind
                ? t(`share.scannedKinds.${status.data.redeemedBy.kind}` as 'share.scannedKinds.verifier', {
                    defaultValue: status.data.redeemedBy.kind,
                  })
                : ''}
              {status.data.redeemedAt
                ? ` · ${t('share.scannedAt', { at: formatVnDateTime(status.data.redeemedAt) })}`
                : ''}
            </Text>
          </Alert>
        )}
        {expired && !redeemed && (
          <Alert color="yellow" variant="light" role="status" w="100%">
            {t('share.expired')}
          </Alert>
        )}
        {cancelled && (
          <Alert color="gray" variant="light" role="status" w="100%">
            {t('share.cancelled')}
          </Alert>
        )}
        {live && showing.mode === 'online' && (
          <Text size="sm" c="dimmed" role="status">
            {t('share.waiting')}
          </Text>
        )}
        {live && showing.mode === 'offline' && (
          <Text size="sm" c="dimmed" ta="center">
            {t('share.offlineNote')}
          </Text>
        )}
        {create.error && <ShareErrorAlert error={create.error} />}
        {offlineProblem && (
          <Alert color="red" variant="light" role="alert" w="100%">
            {offlineProblem.kind === 'api'
              ? offlineProblem.error.message
              : t('share.errors.offlineUnavailable')}
          </Alert>
        )}
        <Group gap="sm" justify="center">
          {!redeemed && (
            <Button size="md" onClick={() => void regenerate()} loading={create.isPending || regenerating}>
              {t('share.regenerate')}
            </Button>
          )}
          <Button size="md" variant="outline" onClick={stop} loading={cancel.isPending}>
            {live ? t('share.cancel') : t('share.again')}
          </Button>
        </Group>
        {live && (
          <details style={{ width: '100%' }}>
            <summary>{t('share.asText')}</summary>
            <Text size="xs" c="dimmed" mt={4}>
              {t('share.asTextHint')}
            </Text>
            <Text
              component="pre"
              size="xs"
              ff="monospace"
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              data-testid="share-qr-text"
            >
              {showing.qr}
            </Text>
          </details>
        )}
      </Stack>
    </Paper>
  )
}
