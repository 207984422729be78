import { Anchor, Button, Code, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useHealth, useReadiness } from '../../api'
import { localizeError } from '../../layout/ErrorAlert'
import { StatusCard } from './StatusCard'

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Group gap="xs" wrap="nowrap" align="flex-start">
    <Text size="sm" c="dimmed" miw={110}>
      {label}
    </Text>
    <Text component="div" size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  </Group>
)

export const AdminDashboard = () => {
  const { t, i18n } = useTranslation()
  const health = useHealth()
  const ready = useReadiness()
  const checks = ready.data?.checks
  const checkedAt = Math.max(
    health.dataUpdatedAt,
    health.errorUpdatedAt,
    ready.dataUpdatedAt,
    ready.errorUpdatedAt,
  )
  const loading = health.isFetching || ready.isFetching

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('admin.title')}</Title>
          <Text c="dimmed">{t('admin.intro')}</Text>
        </Stack>
        <Group gap="sm">
          {checkedAt > 0 && (
            <Text size="sm" c="dimmed" role="status">
              {t('admin.lastChecked', { time: new Date(checkedAt).toLocaleTimeString(i18n.language) })}
            </Text>
          )}
          <Button
            variant="default"
            loading={loading}
            onClick={() => {
              void health.refetch()
              void ready.refetch()
            }}
          >
            {t('admin.refresh')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <StatusCard
          title={t('admin.liveness.title')}
          ok={health.isPending ? null : health.isSuccess && health.data.status === 'ok'}
          okLabel={t('admin.liveness.ok')}
          badLabel={t('admin.liveness.down')}
        >
          {health.isError && <Text size="sm">{localizeError(health.error, t)}</Text>}
        </StatusCard>

        <StatusCard
          title={t('admin.readiness.title')}
          ok={ready.isPending ? null : ready.isSuccess && ready.data.status === 'ready'}
          okLabel={t('admin.readiness.ready')}
          badLabel={t('admin.readiness.notReady')}
        >
          {ready.isError && <Text size="sm">{localizeError(ready.error, t)}</Text>}
        </StatusCard>

        <StatusCard
          title={t('admin.database.title')}
          ok={checks ? checks.database.ok : null}
          okLabel={t('admin.database.ok')}
          badLabel={t('admin.database.down')}
        >
          {checks ? (
            <Stack gap={4}>
              <Row label={t('admin.database.engine')}>
                <Code>{checks.database.engine}</Code>
              </Row>
              {checks.database.detail && <Row label={t('admin.detail')}>{checks.database.detail}</Row>}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {ready.isPending ? t('common.loading') : t('admin.unavailable')}
            </Text>
          )}
        </StatusCard>

        <StatusCard
          title={t('admin.migrations.title')}
          ok={checks ? checks.migrations.ok : null}
          okLabel={t('admin.migrations.ok')}
          badLabel={t('admin.migrations.notOk')}
        >
          {checks ? (
            <Stack gap={4}>
              <Row label={t('admin.migrations.applied')}>{checks.migrations.applied ?? '—'}</Row>
              <Row label={t('admin.migrations.pending')}>
                {checks.migrations.pending?.length ? (
                  <List size="sm" spacing={2}>
                    {checks.migrations.pending.map((m) => (
                      <List.Item key={m}>
                        <Code>{m}</Code>
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  t('admin.migrations.pendingNone')
                )}
              </Row>
              {checks.migrations.detail && <Row label={t('admin.detail')}>{checks.migrations.detail}</Row>}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {ready.isPending ? t('common.loading') : t('admin.unavailable')}
            </Text>
          )}
        </StatusCard>
      </SimpleGrid>

      <Paper withBorder p="lg" radius="md">
        <Anchor href="/api/docs" fw={700}>
          {t('admin.apiDocs')}
        </Anchor>
        <Text size="sm" c="dimmed" mt={4}>
          {t('admin.apiDocsDescription')}
        </Text>
      </Paper>
    </Stack>
  )
}
