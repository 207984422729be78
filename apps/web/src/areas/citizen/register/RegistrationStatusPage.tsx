import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { AccountErrorAlert } from '../accountErrors'
import {
  type DossierState,
  isDecided,
  REJECTION_REASONS,
  type RejectionReason,
  useDossierStatus,
} from '../accountsApi'
import { BackToHome } from '../BackToHome'
import { formatIsoDate } from '../citizenFields'
import { citizenPaths } from '../paths'

const STATE_COLOR: Record<DossierState, string> = {
  submitted: 'gray',
  pending_verification: 'blue',
  approved: 'green',
  rejected: 'red',
}

const knownReason = (reason: string | null): RejectionReason | 'unknown' =>
  REJECTION_REASONS.find((r) => r === reason) ?? 'unknown'

// Reasons whose advice names the citizen's documents and offices: a foreigner's names theirs instead.
const FOREIGNER_WORDED = [
  'DECLARED_DATA_MISMATCH',
  'NOT_ELIGIBLE',
  'FACE_MISMATCH',
  'NO_PORTRAIT_ON_RECORD',
] as const
type ForeignerWorded = (typeof FOREIGNER_WORDED)[number]
const foreignerWorded = (reason: string): reason is ForeignerWorded =>
  (FOREIGNER_WORDED as readonly string[]).includes(reason)

const Fact = ({ label, value }: { label: string; value: string }) => (
  <Group justify="space-between" gap="xs" wrap="nowrap">
    <Text size="sm" c="dimmed">
      {label}
    </Text>
    <Text size="sm" fw={600} ta="right">
      {value}
    </Text>
  </Group>
)

/** Where a registration stands, polled until decided; a rejection says why and what to do. */
export const RegistrationStatusPage = () => {
  const { t, i18n } = useTranslation()
  const { dossierId = '' } = useParams()
  const status = useDossierStatus(dossierId, { poll: true })
  const data = status.data

  return (
    <Stack gap="lg">
      <BackToHome />
      <Title order={1}>{t('citizen.status.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('citizen.receipt.dossierId')}:{' '}
        <Text span ff="monospace" style={{ wordBreak: 'break-all' }}>
          {dossierId}
        </Text>
      </Text>
      {status.error &&
        (status.error.status === 404 ? (
          <Alert color="red" variant="light" role="alert">
            {t('citizen.status.notFound')}
          </Alert>
        ) : (
          <AccountErrorAlert error={status.error} />
        ))}
      {status.isLoading && <Loader aria-label={t('common.loading')} />}
      {data && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            {/* Announced when the polled state changes. */}
            <div role="status" aria-live="polite">
              <Stack gap="xs">
                <Badge size="lg" color={STATE_COLOR[data.state]} variant="light" data-state={data.state}>
                  {t(`citizen.status.state.${data.state}`)}
                </Badge>
                <Text>{t(`citizen.status.explain.${data.state}`)}</Text>
              </Stack>
            </div>
            <Fact label={t('citizen.receipt.receivedOn')} value={formatIsoDate(data.receivedOn)} />
            <Fact label={t('citizen.receipt.dueOn')} value={formatIsoDate(data.dueOn)} />
            {data.decidedAt && (
              <Fact
                label={t('citizen.status.decidedAt')}
                value={new Date(data.decidedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
                  dateStyle: 'short',
                  timeStyle: 'short',
                })}
              />
            )}
            {!isDecided(data.state) && (
              <Group gap="xs" wrap="nowrap">
                <Loader size="xs" aria-hidden="true" />
                <Text size="sm" c="dimmed">
                  {t('citizen.status.polling')}
                </Text>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      {data?.state === 'rejected' && (
        <Alert color="red" variant="light" title={t(`citizen.reasons.${knownReason(data.reason)}.title`)}>
          <Stack gap="xs">
            <Text>
              {data.kind === 'FOREIGNER_L1_APP' && data.reason && foreignerWorded(data.reason)
                ? t(`citizen.reasonsForeigner.${data.reason}`)
                : t(`citizen.reasons.${knownReason(data.reason)}.body`)}
            </Text>
            {data.reason && (
              <Text size="xs" c="dimmed" ff="monospace">
                {t('citizen.status.reasonCode', { code: data.reason })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {data?.state === 'approved' && (
        <Button component={Link} to={citizenPaths.activate} size="lg" fullWidth>
          {t('citizen.status.activate')}
        </Button>
      )}
      {data?.state === 'rejected' &&
        data.reason !== 'NO_PORTRAIT_ON_RECORD' &&
        data.reason !== 'ACCOUNT_EXISTS' && (
          <Button component={Link} to={citizenPaths.register} size="lg" variant="outline" fullWidth>
            {t('citizen.status.registerAgain')}
          </Button>
        )}
    </Stack>
  )
}
