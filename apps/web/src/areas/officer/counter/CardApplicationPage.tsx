import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { vi } from '../../../i18n/vi'
import { formatPartialDate } from '../dates'
import { useCurrentOfficer } from '../session/RequireOfficer'
import { CounterErrorAlert } from './CounterErrorAlert'
import {
  CARD_REJECTIONS,
  type CardMove,
  type CardRejection,
  useCardApplication,
  useMoveCard,
} from './cardApi'
import { CARD_APPLICATIONS_PATH, dossierPath } from './counterPaths'

type CardReasonKey = keyof typeof vi.officer.counter.cardReasons
const isRejection = (v: string): v is CardRejection => (CARD_REJECTIONS as readonly string[]).includes(v)

// Which move each state allows, and the permission it takes (card-application.flow.ts).
const MOVES: Record<string, { move: Exclude<CardMove, 'reject'>; permission: string } | undefined> = {
  received: { move: 'approve', permission: 'dossier.approve' },
  approved: { move: 'produce', permission: 'dossier.approve' },
  produced: { move: 'deliver', permission: 'counter.receive' },
}

/** /officer/counter/card-applications/:id: one ID-card application and the next step of its life. */
export const CardApplicationPage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const officer = useCurrentOfficer()
  const card = useCardApplication(id)
  const move = useMoveCard(id)
  const [reason, setReason] = useState<CardRejection | ''>('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  if (card.isPending) return <Loader aria-label={t('common.loading')} />
  if (card.isError)
    return (
      <Stack gap="md">
        <Title order={1}>{t('officer.counter.card.title')}</Title>
        <CounterErrorAlert error={card.error} />
      </Stack>
    )
  const c = card.data
  const next = MOVES[c.state]
  const mayMove = next && officer.permissions.includes(next.permission)
  const mayReject = c.state === 'received' && officer.permissions.includes('dossier.approve')
  const rows: [string, string][] = [
    [t('officer.counter.fields.subjectId'), c.personalId],
    [t('officer.counter.form.cardKind'), t(`officer.counter.cardKinds.${c.kind}`)],
    [t('officer.counter.form.cardReason'), t(`officer.counter.cardReasons.${c.reason as CardReasonKey}`)],
    [t('officer.counter.fields.receivingUnit'), c.receivingUnit],
    [t('officer.counter.fields.receivedOn'), c.receivedOn ? formatPartialDate(c.receivedOn) : ''],
    [t('officer.counter.fields.dueOn'), c.dueOn ? formatPartialDate(c.dueOn) : ''],
  ]
  if (c.cardIssuedOn) rows.push([t('officer.counter.card.issuedOn'), formatPartialDate(c.cardIssuedOn)])
  if (c.rejectionReason) rows.push([t('officer.counter.fields.reason'), c.rejectionReason])

  const reject = () => {
    if (!reason) return setReasonError(t('officer.counter.decide.reasonRequired'))
    setReasonError(null)
    move.mutate({ move: 'reject', reason })
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={CARD_APPLICATIONS_PATH} size="sm">
        ← {t('officer.counter.cards.back')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{t('officer.counter.card.title')}</Title>
        <Badge color={c.state === 'rejected' ? 'red.9' : 'blue.9'} size="lg" data-state={c.state}>
          {t(`officer.counter.card.states.${c.state}`)}
        </Badge>
      </Group>
      {c.dossierId && (
        <Anchor component={Link} to={dossierPath(c.dossierId)} size="sm">
          {t('officer.counter.card.dossier')}
        </Anchor>
      )}
      <Table withTableBorder variant="vertical" layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={{ base: 130, sm: 220 }} scope="row">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {move.error && <CounterErrorAlert error={move.error} />}
      {(mayMove || mayReject) && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            {mayMove && next && (
              <Group>
                <Button
                  color="teal.9"
                  loading={move.isPending}
                  onClick={() => move.mutate({ move: next.move })}
                >
                  {t(`officer.counter.card.moves.${next.move}`)}
                </Button>
              </Group>
            )}
            {mayReject && (
              <Group align="flex-end">
                <NativeSelect
                  label={t('officer.counter.decide.reason')}
                  value={reason}
                  onChange={(e) => setReason(isRejection(e.currentTarget.value) ? e.currentTarget.value : '')}
                  error={reasonError}
                  data={[
                    { value: '', label: t('officer.counter.form.choose') },
                    ...CARD_REJECTIONS.map((r) => ({
                      value: r,
                      label: t(`officer.counter.card.rejection.${r}`),
                    })),
                  ]}
                />
                <Button color="red.9" variant="outline" loading={move.isPending} onClick={reject}>
                  {t('officer.counter.decide.reject')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      <Text size="sm" c="dimmed">
        {t('officer.counter.card.note')}
      </Text>
    </Stack>
  )
}
