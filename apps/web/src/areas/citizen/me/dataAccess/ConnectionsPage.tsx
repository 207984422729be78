import { Alert, Button, List, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../../layout/ErrorAlert'
import { formatVnDateTime } from '../../vnTime'
import { BackToAccount } from '../BackToAccount'
import { type Connection, useConnections, useRevokeConnection } from './dataAccessApi'
import { scopeLabel } from './dataAccessLabels'

const CONSEQUENCES = ['tokens', 'again', 'log'] as const

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Text size="sm">
    <Text span c="dimmed" size="sm">
      {label}:
    </Text>{' '}
    {children}
  </Text>
)

/** One connected service: who, why, what it may read, since when and until when. */
const ConnectionItem = ({ c, onRevoke }: { c: Connection; onRevoke: () => void }) => {
  const { t } = useTranslation()
  const shared = c.scopes.filter((s) => s !== 'openid')
  const headingId = `connection-${c.clientId}`
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-labelledby={headingId} data-client={c.clientId}>
      <Stack gap={6}>
        <Title order={2} size="h4" id={headingId}>
          {c.name}
        </Title>
        <Fact label={t('dataAccess.connections.purpose')}>
          {c.purpose ?? t('dataAccess.connections.noPurpose')}
        </Fact>
        <Text size="sm" c="dimmed">
          {t('dataAccess.connections.shared')}:
        </Text>
        <List size="sm" spacing={2}>
          {(shared.length ? shared : ['openid']).map((s) => (
            <List.Item key={s}>{scopeLabel(s, t)}</List.Item>
          ))}
        </List>
        {c.grantedAt && (
          <Fact label={t('dataAccess.connections.grantedAt')}>{formatVnDateTime(c.grantedAt)}</Fact>
        )}
        {c.expiresAt && (
          <Fact label={t('dataAccess.connections.expiresAt')}>{formatVnDateTime(c.expiresAt)}</Fact>
        )}
        <Fact label={t('dataAccess.connections.lastUsedAt')}>
          {c.lastUsedAt ? formatVnDateTime(c.lastUsedAt) : t('dataAccess.connections.never')}
        </Fact>
        <Button
          variant="outline"
          color="red.9"
          size="md"
          mt="xs"
          onClick={onRevoke}
          aria-label={t('dataAccess.connections.revokeNamed', { name: c.name })}
        >
          {t('dataAccess.connections.revoke')}
        </Button>
      </Stack>
    </Paper>
  )
}

/** "Dịch vụ đã liên kết": the relying parties the citizen has a remembered consent with, and revocation. */
export const ConnectionsPage = () => {
  const { t } = useTranslation()
  const connections = useConnections()
  const revoke = useRevokeConnection()
  const [confirming, setConfirming] = useState<Connection | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const items = connections.data?.items ?? []
  const close = () => {
    setConfirming(null)
    revoke.reset()
  }
  const confirm = (c: Connection) =>
    revoke.mutate(c.clientId, {
      onSuccess: () => {
        setDone(t('dataAccess.connections.revoked', { name: c.name }))
        setConfirming(null)
      },
    })
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('dataAccess.connections.title')}</Title>
        <Text c="dimmed">{t('dataAccess.connections.intro')}</Text>
      </Stack>
      <div role="status">
        {done && (
          <Alert color="green" variant="light">
            {done}
          </Alert>
        )}
      </div>
      {connections.isPending && <Loader aria-label={t('common.loading')} />}
      {connections.error && (
        <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />
      )}
      {connections.isSuccess && items.length === 0 && <Text>{t('dataAccess.connections.empty')}</Text>}
      {items.length > 0 && (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('dataAccess.connections.listLabel')}
        >
          {items.map((c) => (
            <ConnectionItem
              key={c.clientId}
              c={c}
              onRevoke={() => {
                setDone(null)
                setConfirming(c)
              }}
            />
          ))}
        </Stack>
      )}
      <Modal
        opened={confirming !== null}
        onClose={close}
        closeButtonProps={{ 'aria-label': t('dataAccess.connections.close') }}
        title={t('dataAccess.connections.confirmTitle', { name: confirming?.name ?? '' })}
        centered
        size="md"
      >
        <Stack gap="md">
          <Text size="sm">{t('dataAccess.connections.confirmIntro')}</Text>
          <List size="sm" spacing="xs">
            {CONSEQUENCES.map((k) => (
              <List.Item key={k}>{t(`dataAccess.connections.consequences.${k}`)}</List.Item>
            ))}
          </List>
          {revoke.error &&
            (revoke.error.code === 'oidc.CONNECTION_NOT_FOUND' ? (
              <Alert color="orange" variant="light" role="alert">
                {t('dataAccess.connections.alreadyGone')}
              </Alert>
            ) : (
              <ErrorAlert error={revoke.error} />
            ))}
          <Stack gap="sm">
            <Button
              color="red.9"
              size="md"
              fullWidth
              loading={revoke.isPending}
              onClick={() => confirming && confirm(confirming)}
            >
              {t('dataAccess.connections.confirmRevoke')}
            </Button>
            <Button variant="default" size="md" fullWidth onClick={close}>
              {t('dataAccess.connections.cancel')}
            </Button>
          </Stack>
        </Stack>
      </Modal>
    </Stack>
  )
}
