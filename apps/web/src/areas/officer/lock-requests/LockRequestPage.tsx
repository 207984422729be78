import { Alert, Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { ApiError } from '../../../api'
import { useCurrentOfficer } from '../session/RequireOfficer'
import { formatDay } from './day'
import { ForwardButton } from './ForwardButton'
import { OverdueBadge, StateBadge } from './LockBadges'
import { LockDecisionPanel } from './LockDecisionPanel'
import { LockRequestErrorAlert } from './LockRequestErrorAlert'
import { LockRequestFields } from './LockRequestFields'
import { LockRequestTrail } from './LockRequestTrail'
import { LOCK_REQUESTS_QUEUE_PATH, LOCK_REQUESTS_RECORDED_PATH } from './lockRequestPaths'
import { type LockRequest, useLockRequest } from './lockRequestsApi'

/** What became of a decided request: carried out (with the lock's end, if any) or refused. */
const Outcome = ({ r }: { r: LockRequest }) => {
  const { t } = useTranslation()
  const k = 'officer.lockRequests.request'
  if (r.state !== 'carried_out' && r.state !== 'refused') return null
  const done = r.state === 'carried_out'
  const text = !done
    ? t(`${k}.refused`)
    : r.kind === 'unlock'
      ? t(`${k}.carriedOutUnlock`)
      : r.lockUntil
        ? t(`${k}.carriedOutLockUntil`, { date: formatDay(r.lockUntil) })
        : t(`${k}.carriedOutLock`)
  return (
    <Alert
      color={done ? 'green' : 'red'}
      variant="light"
      role="status"
      title={t(`officer.lockRequests.states.${r.state}`)}
      // Mantine's light green title is below 4.5:1 on its background.
      styles={done ? { title: { color: '#1b5e20' } } : undefined}
    >
      <Text>{text}</Text>
    </Alert>
  )
}

/** The recording unit forwards a request it recorded, by its forward-by day. */
const ForwardPanel = ({ r }: { r: LockRequest }) => {
  const { t } = useTranslation()
  const [failed, setFailed] = useState<ApiError | null>(null)
  const k = 'officer.lockRequests.forward'
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby="forward-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="forward-title">
          {t(`${k}.title`)}
        </Title>
        {r.forwardBy && <Text size="sm">{t(`${k}.intro`, { date: formatDay(r.forwardBy) })}</Text>}
        {failed && <LockRequestErrorAlert error={failed} />}
        <Group>
          <ForwardButton
            request={r}
            label={t(`${k}.button`)}
            onForwarded={() => setFailed(null)}
            onError={setFailed}
          />
        </Group>
      </Stack>
    </Paper>
  )
}

/** /officer/lock-requests/requests/:id: every field, due dates, the trail; forward or decide by role. */
export const LockRequestPage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const officer = useCurrentOfficer()
  const request = useLockRequest(id)
  const k = 'officer.lockRequests.request'
  const decides = officer.permissions.includes('lock_request.decide')
  const records = officer.permissions.includes('lock_request.record')
  const back = decides ? (
    <Anchor component={Link} to={LOCK_REQUESTS_QUEUE_PATH} size="sm">
      ← {t(`${k}.backToQueue`)}
    </Anchor>
  ) : (
    <Anchor component={Link} to={LOCK_REQUESTS_RECORDED_PATH} size="sm">
      ← {t(`${k}.backToRecorded`)}
    </Anchor>
  )
  if (request.isPending) return <Loader aria-label={t('common.loading')} />
  if (request.isError)
    return (
      <Stack gap="md">
        {back}
        <Title order={1}>{t(`${k}.notFoundTitle`)}</Title>
        <LockRequestErrorAlert error={request.error} />
      </Stack>
    )
  const r = request.data
  return (
    <Stack gap="lg">
      {back}
      <Group gap="sm" align="center">
        <Title order={1}>
          {t(`${k}.title`, { kind: t(`officer.lockRequests.kinds.${r.kind}`).toLocaleLowerCase() })}
        </Title>
        <StateBadge state={r.state} size="lg" />
        {r.overdue && <OverdueBadge size="lg" />}
      </Group>
      <Outcome r={r} />
      <LockRequestFields request={r} caption={t(`${k}.details`)} />
      {records && r.state === 'recorded' && <ForwardPanel r={r} />}
      {decides && r.state === 'forwarded' && <LockDecisionPanel request={r} />}
      <LockRequestTrail trail={r.trail} />
    </Stack>
  )
}
