import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { AccountErrorAlert } from '../accountErrors'
import { formatVnDateTime } from '../vnTime'
import { type DeviceSession, useEndOtherSessions, useEndSession, useSessions } from './meApi'

const Device = ({ session }: { session: DeviceSession }) => {
  const { t } = useTranslation()
  const end = useEndSession()
  return (
    <Paper withBorder radius="md" p="md" component="li" data-current={session.current}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={700}>{session.device}</Text>
          {session.current && (
            <Badge color="green" variant="light" c="#1b5e20">
              {t('citizen.security.thisDevice')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('citizen.security.startedAt', { at: formatVnDateTime(session.startedAt) })}
          <br />
          {t('citizen.security.lastSeenAt', { at: formatVnDateTime(session.lastSeenAt) })}
          {session.ip && (
            <>
              <br />
              {t('citizen.security.ip', { ip: session.ip })}
            </>
          )}
        </Text>
        {end.error && <AccountErrorAlert error={end.error} />}
        {!session.current && (
          <Button
            variant="outline"
            size="sm"
            w="fit-content"
            loading={end.isPending}
            onClick={() => end.mutate(session.sessionId)}
            aria-label={t('citizen.security.endOneNamed', { device: session.device })}
          >
            {t('citizen.security.endOne')}
          </Button>
        )}
      </Stack>
    </Paper>
  )
}

/** Where the holder is logged in; any other device can be logged out from here. */
export const DeviceList = () => {
  const { t } = useTranslation()
  const sessions = useSessions()
  const endOthers = useEndOtherSessions()
  const others = (sessions.data ?? []).filter((s) => !s.current).length
  return (
    <Stack gap="sm" component="section" aria-labelledby="devices-title">
      <Title order={2} size="h3" id="devices-title">
        {t('citizen.security.devicesTitle')}
      </Title>
      {sessions.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {sessions.error && <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {sessions.data.map((s) => (
            <Device key={s.sessionId} session={s} />
          ))}
        </Stack>
      )}
      {endOthers.error && <AccountErrorAlert error={endOthers.error} />}
      {endOthers.isSuccess && (
        <Text size="sm" role="status">
          {t('citizen.security.endedOthers', { count: endOthers.data.ended })}
        </Text>
      )}
      {sessions.data &&
        (others > 0 ? (
          <Button
            variant="outline"
            size="md"
            fullWidth
            loading={endOthers.isPending}
            onClick={() => endOthers.mutate()}
          >
            {t('citizen.security.endOthers')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('citizen.security.onlyThisDevice')}
          </Text>
        ))}
    </Stack>
  )
}
