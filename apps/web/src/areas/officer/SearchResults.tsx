import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { Page, PersonSummary } from '../../api'
import { ListPager } from '../../layout/ListPager'
import { formatPartialDate } from './dates'
import { LifeStatusBadge } from './StatusBadge'

type Props = { result: Page<PersonSummary>; onPage: (page: number) => void; stale: boolean }

const personPath = (p: PersonSummary) => `/officer/persons/${encodeURIComponent(p.personalId)}`

export const SearchResults = ({ result, onPage, stale }: Props) => {
  const { t, i18n } = useTranslation()
  const { search } = useLocation()
  const backState = { search }
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="results-title"
      aria-busy={stale}
      opacity={stale ? 0.6 : 1}
    >
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="results-title">
          {t('officer.search.resultsTitle')}
        </Title>
        <Text size="sm" c="dimmed" role="status">
          {t('officer.search.total', { total: result.total.toLocaleString(i18n.language) })}
        </Text>
      </Group>

      {result.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text>{t('officer.search.empty')}</Text>
        </Paper>
      ) : (
        <>
          <Paper withBorder radius="md" visibleFrom="sm">
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('officer.search.columns.personalId')}</Table.Th>
                    <Table.Th scope="col">{t('officer.search.columns.fullName')}</Table.Th>
                    <Table.Th scope="col">{t('officer.search.columns.dateOfBirth')}</Table.Th>
                    <Table.Th scope="col">{t('officer.search.columns.gender')}</Table.Th>
                    <Table.Th scope="col">{t('officer.search.columns.address')}</Table.Th>
                    <Table.Th scope="col">{t('officer.search.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((p) => (
                    <Table.Tr key={p.personalId}>
                      <Table.Td ff="monospace" className="dd-nowrap">
                        {p.personalId}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={personPath(p)} state={backState} fw={600}>
                          {p.fullName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="dd-nowrap">{formatPartialDate(p.dateOfBirth)}</Table.Td>
                      <Table.Td>{t(`officer.gender.${p.gender}`)}</Table.Td>
                      <Table.Td>{p.permanentAddress ?? '—'}</Table.Td>
                      <Table.Td>{p.status ? <LifeStatusBadge status={p.status} /> : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>

          <Stack gap="sm" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {result.items.map((p) => (
              <Paper key={p.personalId} withBorder p="md" radius="md" component="li">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={personPath(p)} state={backState} fw={700}>
                    {p.fullName}
                  </Anchor>
                  {p.status && <LifeStatusBadge status={p.status} />}
                </Group>
                <Text size="sm" ff="monospace">
                  {p.personalId}
                </Text>
                <Text size="sm">
                  {formatPartialDate(p.dateOfBirth)} · {t(`officer.gender.${p.gender}`)}
                </Text>
                {p.permanentAddress && (
                  <Text size="sm" c="dimmed">
                    {p.permanentAddress}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        </>
      )}

      <ListPager label={t('officer.search.pagination')} page={result.page} pages={pages} onChange={onPage} />
    </Stack>
  )
}
