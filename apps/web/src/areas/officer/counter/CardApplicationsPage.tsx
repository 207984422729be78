import { Anchor, Badge, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { vi } from '../../../i18n/vi'
import { PagedTable } from '../../../layout/PagedTable'
import { formatPartialDate } from '../dates'
import { CounterErrorAlert } from './CounterErrorAlert'
import { CARD_STATES, type CardListFilter, type CardState, useCardApplications } from './cardApi'
import { CARD_KINDS, type CardKind } from './counterApi'
import { cardApplicationPath, dossierPath } from './counterPaths'

type CardReasonKey = keyof typeof vi.officer.counter.cardReasons
const PAGE_SIZE = 20
// The list opens on the applications still in progress; `all` asks for every state.
const DEFAULT_STATE = 'open'

const isState = (v: string): v is CardState | 'open' =>
  v === 'open' || (CARD_STATES as readonly string[]).includes(v)
const isKind = (v: string): v is CardKind => (CARD_KINDS as string[]).includes(v)

// Dark shades: white text on them passes WCAG AA (4.5:1).
const STATE_COLORS: Record<CardState, string> = {
  received: 'blue.9',
  approved: 'grape.9',
  produced: 'teal.9',
  delivered: 'gray.7',
  rejected: 'red.9',
}

// A badge in a table cell keeps its whole label: the column widens instead of cutting it short.
const WHOLE_LABEL = { label: { overflow: 'visible' } }

/** Reads the filters from the address, so a filtered page can be bookmarked and the back button works. */
const filterOf = (params: URLSearchParams): CardListFilter => {
  const state = params.get('state') ?? DEFAULT_STATE
  const kind = params.get('kind') ?? ''
  const page = Number(params.get('page') ?? '1')
  return {
    state: isState(state) ? state : '',
    kind: isKind(kind) ? kind : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  }
}

/** /officer/counter/card-applications: the ID-card applications of the officer's jurisdiction, earliest due first. */
export const CardApplicationsPage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const filter = filterOf(params)
  const list = useCardApplications(filter)
  const data = list.data

  const change = (next: Partial<Pick<CardListFilter, 'state' | 'kind' | 'page'>>) => {
    const merged = { ...filter, page: 1, ...next }
    const out: Record<string, string> = {}
    if (merged.state !== DEFAULT_STATE) out.state = merged.state || 'all'
    if (merged.kind) out.kind = merged.kind
    if (merged.page > 1) out.page = String(merged.page)
    setParams(out)
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('officer.counter.cards.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('officer.counter.cards.intro')}
        </Text>
      </Stack>
      <Group align="flex-end" gap="md" role="group" aria-label={t('officer.counter.cards.filters')}>
        <NativeSelect
          label={t('officer.counter.cards.state')}
          value={filter.state || 'all'}
          onChange={(e) => {
            const v = e.currentTarget.value
            change({ state: isState(v) ? v : '' })
          }}
          data={[
            { value: 'open', label: t('officer.counter.cards.open') },
            { value: 'all', label: t('officer.counter.cards.all') },
            ...CARD_STATES.map((s) => ({ value: s, label: t(`officer.counter.card.states.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('officer.counter.form.cardKind')}
          value={filter.kind}
          onChange={(e) => {
            const v = e.currentTarget.value
            change({ kind: isKind(v) ? v : '' })
          }}
          data={[
            { value: '', label: t('officer.counter.cards.anyKind') },
            ...CARD_KINDS.map((k) => ({ value: k, label: t(`officer.counter.cardKinds.${k}`) })),
          ]}
        />
      </Group>
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.isError && <CounterErrorAlert error={list.error} />}
      <PagedTable
        data={data}
        busy={list.isPlaceholderData}
        empty={t('officer.counter.cards.empty')}
        totalLabel={(total) => t('officer.counter.cards.total', { total })}
        totalRole="status"
        caption={t('officer.counter.cards.caption', { page: filter.page })}
        columns={[
          t('officer.counter.fields.subjectId'),
          t('officer.counter.form.cardKind'),
          t('officer.counter.form.cardReason'),
          t('officer.counter.fields.state'),
          t('officer.counter.fields.receivingUnit'),
          t('officer.counter.fields.receivedOn'),
          t('officer.counter.fields.dueOn'),
          t('officer.counter.cards.dossier'),
        ]}
        minWidth={760}
        page={filter.page}
        pagination={t('officer.counter.cards.pagination')}
        onPage={(p) => change({ page: p })}
        row={(c) => (
          <Table.Tr key={c.id} data-overdue={c.overdue}>
            <Table.Td>
              <Anchor
                component={Link}
                to={cardApplicationPath(c.id)}
                ff="monospace"
                fw={600}
                aria-label={t('officer.counter.cards.openOne', { id: c.personalId })}
              >
                {c.personalId}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`officer.counter.cardKinds.${c.kind}`)}</Table.Td>
            <Table.Td>{t(`officer.counter.cardReasons.${c.reason as CardReasonKey}`)}</Table.Td>
            <Table.Td>
              <Badge color={STATE_COLORS[c.state]} data-state={c.state} styles={WHOLE_LABEL}>
                {t(`officer.counter.card.states.${c.state}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{c.receivingUnit}</Table.Td>
            <Table.Td>{c.receivedOn ? formatPartialDate(c.receivedOn) : ''}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {c.dueOn ? formatPartialDate(c.dueOn) : ''}
                {c.overdue && (
                  <Badge color="red.9" variant="filled" styles={WHOLE_LABEL}>
                    {t('officer.counter.queue.overdue')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              {c.dossierId ? (
                <Anchor component={Link} to={dossierPath(c.dossierId)} size="sm">
                  {t('officer.counter.cards.withDossier')}
                </Anchor>
              ) : (
                t('officer.counter.cards.alone')
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  )
}
