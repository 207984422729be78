import { Alert, Button, List, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import type { UseMutationResult } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../api'
import { ErrorAlert } from '../../../../layout/ErrorAlert'
import { AccountErrorAlert } from '../../accountErrors'
import { formatVnDateTime } from '../../vnTime'
import { BackToAccount } from '../BackToAccount'
import { type Dependent, useDependents } from '../meApi'
import {
  type Connection,
  useConnections,
  useDependentConnections,
  useRevokeConnection,
  useRevokeDependentConnection,
  useRevokeOnBehalfConnection,
} from './dataAccessApi'
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

// "on 02/04/2030": the day alone, in Vietnam time.
const vnDay = (iso: string) => formatVnDateTime(iso).split(' ')[0] ?? iso

/** One connected service: who, why, what it may read, since when and until when (and who agreed, if not the holder). */
const ConnectionItem = ({
  c,
  onRevoke,
  idPrefix,
  level,
}: {
  c: Connection
  onRevoke: () => void
  idPrefix: string
  level: 2 | 3
}) => {
  const { t } = useTranslation()
  const shared = c.scopes.filter((s) => s !== 'openid')
  const headingId = `${idPrefix}-${c.clientId}`
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-labelledby={headingId} data-client={c.clientId}>
      <Stack gap={6}>
        <Title order={level} size="h4" id={headingId}>
          {c.name}
        </Title>
        {c.givenBy?.map((g) => (
          <Text size="sm" fw={500} key={`${g.name}-${g.grantedAt}`}>
            {t('dataAccess.connections.givenBy', {
              name: g.name,
              date: g.grantedAt ? vnDay(g.grantedAt) : '—',
            })}
          </Text>
        ))}
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

type Revoke = UseMutationResult<{ revoked: string }, ApiError, string>

/** The connections of one account (the holder's, or the holder's for a dependent), each revocable after a confirmation. */
const ConnectionList = ({
  items,
  revoke,
  listLabel,
  idPrefix,
  level,
  forName,
  onBehalf = false,
}: {
  items: Connection[]
  revoke: Revoke
  listLabel: string
  idPrefix: string
  level: 2 | 3
  /** The dependent's name when these are consents given for them. */
  forName?: string
  /** Consents a representative gave for the holder. */
  onBehalf?: boolean
}) => {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState<Connection | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const close = () => {
    setConfirming(null)
    revoke.reset()
  }
  const confirm = (c: Connection) =>
    revoke.mutate(c.clientId, {
      onSuccess: () => {
        setDone(
          onBehalf
            ? t('dataAccess.connections.revokedOnBehalf', { name: c.name })
            : forName
              ? t('dataAccess.connections.revokedFor', { name: c.name, dependent: forName })
              : t('dataAccess.connections.revoked', { name: c.name }),
        )
        setConfirming(null)
      },
    })
  return (
    <>
      <div role="status">
        {done && (
          <Alert color="green" variant="light">
            {done}
          </Alert>
        )}
      </div>
      {items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={listLabel}>
          {items.map((c) => (
            <ConnectionItem
              key={c.clientId}
              c={c}
              idPrefix={idPrefix}
              level={level}
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
        title={
          onBehalf
            ? t('dataAccess.connections.confirmTitleOnBehalf', { name: confirming?.name ?? '' })
            : forName
              ? t('dataAccess.connections.confirmTitleFor', {
                  name: confirming?.name ?? '',
                  dependent: forName,
                })
              : t('dataAccess.connections.confirmTitle', { name: confirming?.name ?? '' })
        }
        centered
        size="md"
      >
        <Stack gap="md">
          <Text size="sm">{t('dataAccess.connections.confirmIntro')}</Text>
          <List size="sm" spacing="xs">
            {CONSEQUENCES.map((k) => (
              <List.Item key={k}>
                {onBehalf
                  ? t(`dataAccess.connections.consequencesOnBehalf.${k}`)
                  : forName
                    ? t(`dataAccess.connections.consequencesFor.${k}`, { dependent: forName })
                    : t(`dataAccess.connections.consequences.${k}`)}
              </List.Item>
            ))}
          </List>
          {revoke.error &&
            (revoke.error.code === 'oidc.CONNECTION_NOT_FOUND' ? (
              <Alert color="orange" variant="light" role="alert">
                {t('dataAccess.connections.alreadyGone')}
              </Alert>
            ) : (
              <AccountErrorAlert error={revoke.error} />
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
    </>
  )
}

/** The consents the holder gave while signing in for one dependent, revocable as their own are. */
const DependentConnections = ({ dependent }: { dependent: Dependent }) => {
  const { t } = useTranslation()
  const connections = useDependentConnections(dependent.personalId)
  const revoke = useRevokeDependentConnection(dependent.personalId)
  const name = dependent.fullName ?? dependent.personalId
  const headingId = `dependent-connections-${dependent.personalId}`
  const items = connections.data?.items ?? []
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-dependent={dependent.personalId}>
      <Title order={2} size="h3" id={headingId}>
        {t('dataAccess.connections.forTitle', { name })}
      </Title>
      {connections.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {connections.error && <AccountErrorAlert error={connections.error} />}
      {connections.isSuccess && items.length === 0 && (
        <Text size="sm">{t('dataAccess.connections.forEmpty', { name })}</Text>
      )}
      <ConnectionList
        items={items}
        revoke={revoke}
        listLabel={t('dataAccess.connections.forListLabel', { name })}
        idPrefix={`connection-for-${dependent.personalId}`}
        level={3}
        forName={name}
      />
    </Stack>
  )
}

/** The consents a parent or guardian gave for the holder (e.g. before the holder took the account over). */
const OnBehalfConnections = ({ items, revoke }: { items: Connection[]; revoke: Revoke }) => {
  const { t } = useTranslation()
  return (
    <Stack gap="sm" component="section" aria-labelledby="on-behalf-connections" mt="md">
      <Title order={2} size="h3" id="on-behalf-connections">
        {t('dataAccess.connections.onBehalfTitle')}
      </Title>
      <Text c="dimmed">{t('dataAccess.connections.onBehalfIntro')}</Text>
      <ConnectionList
        items={items}
        revoke={revoke}
        listLabel={t('dataAccess.connections.onBehalfListLabel')}
        idPrefix="connection-on-behalf"
        level={3}
        onBehalf
      />
    </Stack>
  )
}

/**
 * "Dịch vụ đã liên kết": the relying parties the citizen has a remembered consent with, and revocation; the
 * consents a representative gave for the citizen; then, for each dependent the citizen acts for today, the
 * consents given while signing in for them.
 */
export const ConnectionsPage = () => {
  const { t } = useTranslation()
  const connections = useConnections()
  const revoke = useRevokeConnection()
  const revokeOnBehalf = useRevokeOnBehalfConnection()
  const dependents = useDependents()
  const all = connections.data?.items ?? []
  const items = all.filter((c) => c.givenBy === null)
  const onBehalf = all.filter((c) => c.givenBy !== null)
  const acting = (dependents.data ?? []).filter((d) => d.acting)
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('dataAccess.connections.title')}</Title>
        <Text c="dimmed">{t('dataAccess.connections.intro')}</Text>
      </Stack>
      {connections.isPending && <Loader aria-label={t('common.loading')} />}
      {connections.error && (
        <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />
      )}
      {connections.isSuccess && items.length === 0 && <Text>{t('dataAccess.connections.empty')}</Text>}
      <ConnectionList
        items={items}
        revoke={revoke}
        listLabel={t('dataAccess.connections.listLabel')}
        idPrefix="connection"
        level={2}
      />
      {/* Kept after the last one is withdrawn, so its confirmation stays on screen. */}
      {(onBehalf.length > 0 || revokeOnBehalf.isSuccess) && (
        <OnBehalfConnections items={onBehalf} revoke={revokeOnBehalf} />
      )}
      {acting.length > 0 && (
        <Stack gap="lg" mt="md">
          <Text c="dimmed">{t('dataAccess.connections.forIntro')}</Text>
          {acting.map((d) => (
            <DependentConnections key={d.personalId} dependent={d} />
          ))}
        </Stack>
      )}
    </Stack>
  )
}
