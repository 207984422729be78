import { Alert, Button, Paper, Radio, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiError, toApiError } from '../../api'
import { ErrorAlert } from '../../layout/ErrorAlert'
import { BackToAccount } from '../citizen/me/BackToAccount'
import { useAccount } from '../citizen/me/RequireSession'
import { type IntegratedDocument, useDocuments } from '../documents/documentsApi'
import { QR_LIFETIME_MS } from './compactBatch'
import { type OfflineProblem, offlineProblemOf } from './offlineProblem'
import { ShareDisplay, type Showing } from './ShareDisplay'
import { isForeignResident, type ShareScope, useCreateShare } from './shareApi'

type Mode = 'online' | 'offline'

/** The choice as a radio value: 'basic', 'card', 'app-check' or 'document:<id>'. */
const scopeOf = (choice: string): ShareScope => {
  if (choice.startsWith('document:'))
    return { kind: 'document', documentId: choice.slice('document:'.length) }
  if (choice === 'card') return { kind: 'card' }
  if (choice === 'app-check') return { kind: 'app-check' }
  return { kind: 'basic' }
}

/** "Chia sẻ thông tin qua QR": choose what and how, then show a 60-second QR code. */
export const SharePage = () => {
  const { t } = useTranslation()
  const me = useAccount()
  const [showing, setShowing] = useState<Showing | null>(null)
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('share.title')}</Title>
        <Text c="dimmed">{t('share.intro')}</Text>
      </Stack>
      {me.level < 2 ? (
        <Alert color="yellow" variant="light">
          {t('share.notLevel2')}
        </Alert>
      ) : showing ? (
        <ShareDisplay showing={showing} onReplace={setShowing} onDone={() => setShowing(null)} />
      ) : (
        <ChooseForm accountId={me.username} foreigner={isForeignResident(me.username)} onShow={setShowing} />
      )}
    </Stack>
  )
}

const documentLabel = (d: IntegratedDocument, t: TFunction) =>
  t('share.what.document', { kind: t(`documents.kinds.${d.kind}`), number: d.number })

const ChooseForm = ({
  accountId,
  foreigner,
  onShow,
}: {
  accountId: string
  foreigner: boolean
  onShow: (s: Showing) => void
}) => {
  const { t } = useTranslation()
  const docs = useDocuments()
  const create = useCreateShare()
  const [choice, setChoice] = useState('basic')
  const [mode, setMode] = useState<Mode>('online')
  const [offline, setOffline] = useState<{ pending: boolean; problem: OfflineProblem | null }>({
    pending: false,
    problem: null,
  })
  const appCheck = choice === 'app-check'
  const effectiveMode: Mode = appCheck ? 'online' : mode
  const scope = scopeOf(choice)
  const doc = scope.kind === 'document' ? docs.data?.items.find((d) => d.id === scope.documentId) : undefined
  const basic = foreigner ? 'basicForeigner' : 'basic'
  const what =
    scope.kind === 'document' && doc
      ? documentLabel(doc, t)
      : t(`share.what.${appCheck ? 'appCheck' : scope.kind === 'card' ? 'card' : basic}`)

  const submit = async () => {
    if (effectiveMode === 'online') {
      create.mutate(scope, {
        onSuccess: (s) =>
          onShow({ mode: 'online', scope, what, id: s.id, qr: s.qr, deadline: Date.now() + QR_LIFETIME_MS }),
      })
      return
    }
    setOffline({ pending: true, problem: null })
    try {
      const { makeOfflineQr } = await import('./offlineQr')
      const profile = scope.kind === 'document' ? 'document' : scope.kind === 'card' ? 'card' : 'basic'
      const documentId = scope.kind === 'document' ? scope.documentId : undefined
      const request = {
        accountId,
        profile,
        now: () => new Date(),
        ...(documentId ? { documentId } : {}),
      } as const
      const qr = await makeOfflineQr(request)
      setOffline({ pending: false, problem: null })
      onShow({ mode: 'offline', scope, what, request, qr, deadline: Date.now() + QR_LIFETIME_MS })
    } catch (e) {
      setOffline({ pending: false, problem: offlineProblemOf(e) })
    }
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Stack gap="lg">
        <Radio.Group label={t('share.what.legend')} value={choice} onChange={setChoice} size="md">
          <Stack gap="sm" mt="xs">
            <Radio
              value="basic"
              label={t(`share.what.${basic}`)}
              description={t(`share.what.${basic}Hint`)}
            />
            {foreigner ? (
              <Text size="sm" c="dimmed">
                {t('share.what.foreignerScopes')}
              </Text>
            ) : (
              <CitizenScopes documents={docs.data?.items} />
            )}
            <Radio
              value="app-check"
              label={t('share.what.appCheck')}
              description={t('share.what.appCheckHint')}
            />
          </Stack>
        </Radio.Group>
        {!foreigner && docs.error && <ErrorAlert error={docs.error} onRetry={() => void docs.refetch()} />}
        <Radio.Group
          label={t('share.how.legend')}
          value={effectiveMode}
          onChange={(v) => setMode(v === 'offline' ? 'offline' : 'online')}
          size="md"
          description={appCheck ? t('share.how.offlineNotForAppCheck') : undefined}
        >
          <Stack gap="sm" mt="xs">
            <Radio value="online" label={t('share.how.online')} description={t('share.how.onlineHint')} />
            <Radio
              value="offline"
              label={t('share.how.offline')}
              description={t('share.how.offlineHint')}
              disabled={appCheck}
            />
          </Stack>
        </Radio.Group>
        {create.error && <ShareErrorAlert error={create.error} />}
        {offline.problem && <OfflineProblemAlert problem={offline.problem} />}
        <Button type="submit" size="md" loading={create.isPending || offline.pending}>
          {t('share.create')}
        </Button>
      </Stack>
    </Paper>
  )
}

/** What only a citizen can share: the chip card and the integrated documents. */
const CitizenScopes = ({ documents }: { documents: IntegratedDocument[] | undefined }) => {
  const { t } = useTranslation()
  return (
    <>
      <Radio value="card" label={t('share.what.card')} description={t('share.what.cardHint')} />
      {documents?.map((d) => (
        <Radio
          key={d.id}
          value={`document:${d.id}`}
          label={documentLabel(d, t)}
          description={t('share.what.documentHint', { status: t(`documents.statuses.${d.status}`) })}
        />
      ))}
      {documents?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('share.what.noDocuments')}
        </Text>
      )}
    </>
  )
}

/** A sharing error in the holder's language when known (with its code), the generic alert otherwise. */
export const ShareErrorAlert = ({ error, title }: { error: ApiError; title?: string }) => {
  const { t } = useTranslation()
  const suffix = error.code.startsWith('sharing.') ? error.code.slice('sharing.'.length) : null
  const known = suffix
    ? t(`share.errorCodes.${suffix}` as 'share.errorCodes.EXPIRED', { defaultValue: '' })
    : ''
  if (!known && !title) return <ErrorAlert error={toApiError(error)} />
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Text fw={600}>{known || error.message}</Text>
      <Text size="xs" ff="monospace">
        {error.code}
      </Text>
    </Alert>
  )
}

const OfflineProblemAlert = ({ problem }: { problem: OfflineProblem }) => {
  const { t } = useTranslation()
  if (problem.kind === 'api') return <ErrorAlert error={problem.error} />
  return (
    <Alert color="red" variant="light" role="alert">
      {problem.kind === 'unavailable'
        ? t('share.errors.offlineUnavailable')
        : problem.kind === 'noStorage'
          ? t('share.errors.noStorage')
          : t('share.errors.offlineFailed', { message: problem.message })}
    </Alert>
  )
}
