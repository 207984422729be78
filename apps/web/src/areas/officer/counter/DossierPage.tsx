import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { reviewPath } from '../biometrics/paths'
import { useCurrentOfficer } from '../session/RequireOfficer'
import { CounterErrorAlert } from './CounterErrorAlert'
import { counterPaths, type DossierDetail, useDossier } from './counterApi'
import { actionLabel, rejectionLabel, stateColor, stateLabel } from './counterLabels'
import { COUNTER_QUEUE_PATH, cardApplicationPath } from './counterPaths'
import { DecisionPanel } from './DecisionPanel'
import { DossierFields } from './DossierFields'
import { ForeignerOnRecord } from './ForeignerFacts'
import { formatDateTime } from './format'

// The same event may be recorded twice in one millisecond (reads under a frozen clock): count repeats.
const keyed = (trail: DossierDetail['trail']) => {
  const seen = new Map<string, number>()
  return trail.map((e) => {
    const base = `${e.at}|${e.actor}|${e.action}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return { key: `${base}|${n}`, e }
  })
}

const CheckLink = ({ id }: { id: string | null }) => {
  const { t } = useTranslation()
  return id ? (
    <Anchor component={Link} to={reviewPath(id)} size="sm">
      {t('officer.counter.dossier.openCheck')}
    </Anchor>
  ) : (
    <Text size="sm">{t('officer.counter.dossier.notChecked')}</Text>
  )
}

const OUTCOME_TEXT = {
  CITIZEN_L2_COUNTER: {
    approved: 'officer.counter.decide.approved',
    rejected: 'officer.counter.decide.rejected',
  },
  FOREIGNER_L2_COUNTER: {
    approved: 'officer.counter.decide.approvedForeigner',
    rejected: 'officer.counter.decide.rejectedForeigner',
  },
} as const

const Outcome = ({ d }: { d: DossierDetail }) => {
  const { t } = useTranslation()
  if (d.state !== 'approved' && d.state !== 'rejected') return null
  return (
    <Alert
      color={d.state === 'approved' ? 'green' : 'red'}
      variant="light"
      role="status"
      title={stateLabel(d.state, t)}
      // Mantine's light green title is below 4.5:1 on its background.
      styles={d.state === 'approved' ? { title: { color: '#1b5e20' } } : undefined}
    >
      <Stack gap={4}>
        <Text>{t(OUTCOME_TEXT[d.kind][d.state === 'approved' ? 'approved' : 'rejected'])}</Text>
        {d.reason && (
          <Text size="sm">
            {t('officer.counter.fields.reason')}: {rejectionLabel(d.reason, t)}
          </Text>
        )}
        {d.decidedAt && (
          <Text size="sm">
            {t('officer.counter.fields.decidedAt')}: {formatDateTime(d.decidedAt)}
          </Text>
        )}
      </Stack>
    </Alert>
  )
}

/** /officer/counter/dossiers/:id: every field, the biometric checks, the audit trail and the decision. */
export const DossierPage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const officer = useCurrentOfficer()
  const dossier = useDossier(id)
  if (dossier.isPending) return <Loader aria-label={t('common.loading')} />
  if (dossier.isError)
    return (
      <Stack gap="md">
        <Title order={1}>{t('officer.counter.dossier.title', { number: '' })}</Title>
        <CounterErrorAlert error={dossier.error} />
      </Stack>
    )
  const d = dossier.data
  const mayDecide = officer.permissions.includes('dossier.approve') && d.state === 'submitted'
  return (
    <Stack gap="lg">
      {officer.permissions.includes('dossier.approve') && (
        <Anchor component={Link} to={COUNTER_QUEUE_PATH} size="sm">
          ← {t('officer.counter.dossier.back')}
        </Anchor>
      )}
      <Group gap="sm" align="center">
        <Title order={1}>{t('officer.counter.dossier.title', { number: d.number })}</Title>
        <Badge color={stateColor(d.state)} size="lg" data-state={d.state}>
          {stateLabel(d.state, t)}
        </Badge>
        {d.overdue && (
          <Badge color="red.9" variant="filled" size="lg">
            {t('officer.counter.queue.overdue')}
          </Badge>
        )}
      </Group>
      <Outcome d={d} />
      <DossierFields dossier={d} caption={t('officer.counter.dossier.details')} />
      {d.kind === 'FOREIGNER_L2_COUNTER' && <ForeignerOnRecord foreignerId={d.subjectId} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="bio-results">
        <Stack gap="xs">
          <Title order={2} size="h4" id="bio-results">
            {t('officer.counter.dossier.biometrics')}
          </Title>
          <Group gap="sm">
            <Text fw={600}>{t('officer.counter.dossier.face')}:</Text>
            <CheckLink id={d.faceVerificationId} />
          </Group>
          <Group gap="sm">
            <Text fw={600}>{t('officer.counter.dossier.fingerprint')}:</Text>
            <CheckLink id={d.fingerprintVerificationId} />
          </Group>
          {d.biometricsVerifiedAt && (
            <Text size="sm" fw={600}>
              {t('officer.counter.fields.biometricsVerified', { at: formatDateTime(d.biometricsVerifiedAt) })}
            </Text>
          )}
        </Stack>
      </Paper>
      <Group>
        {d.cardApplicationId && (
          <Button component={Link} to={cardApplicationPath(d.cardApplicationId)} variant="outline">
            {t('officer.counter.card.open')}
          </Button>
        )}
        <Button component="a" href={counterPaths.slip(d.id)} target="_blank" rel="noopener" variant="outline">
          {t('officer.counter.dossier.slip')}
        </Button>
      </Group>
      {mayDecide && <DecisionPanel dossierId={d.id} />}
      <Stack gap="xs" component="section" aria-labelledby="trail-title">
        <Title order={2} size="h4" id="trail-title">
          {t('officer.counter.dossier.trail')}
        </Title>
        <Table striped withTableBorder captionSide="top">
          <Table.Caption style={{ textAlign: 'left' }}>
            {t('officer.counter.dossier.trailCaption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('officer.counter.dossier.at')}</Table.Th>
              <Table.Th scope="col">{t('officer.counter.dossier.actor')}</Table.Th>
              <Table.Th scope="col">{t('officer.counter.dossier.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keyed(d.trail).map(({ key, e }) => (
              <Table.Tr key={key}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td ff="monospace">{e.actor}</Table.Td>
                <Table.Td>{actionLabel(e.action, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  )
}
