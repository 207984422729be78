import { Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { PagedTable } from '../../../layout/PagedTable'
import { OfficerErrorAlert } from '../session/OfficerErrorAlert'
import { type OfficerQuery, ROLES, useOfficers, useUnits } from './adminApi'
import { ADMIN_NEW_OFFICER_PATH, adminOfficerPath } from './adminPaths'
import { RoleBadges, StatusBadges } from './OfficerBadges'
import { OfficerFilters } from './OfficerFilters'

// The filters live in the address, so a filtered page can be reloaded, bookmarked and gone back to.
const queryOf = (params: URLSearchParams): OfficerQuery => {
  const page = Number(params.get('page') ?? '1')
  const status = params.get('status')
  return {
    q: params.get('q') ?? '',
    unitCode: params.get('unit') ?? '',
    role: ROLES.find((r) => r === params.get('role')) ?? '',
    status: status === 'active' || status === 'suspended' ? status : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

const paramsOf = (q: OfficerQuery) => {
  const out: Record<string, string> = {}
  if (q.q) out.q = q.q
  if (q.unitCode) out.unit = q.unitCode
  if (q.role) out.role = q.role
  if (q.status) out.status = q.status
  if (q.page > 1) out.page = String(q.page)
  return out
}

/** /officer/admin/officers: the officers of the administrator's jurisdiction, filtered and paged. */
export const OfficersPage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const query = queryOf(params)
  const officers = useOfficers(query)
  const units = useUnits()
  const data = officers.data
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} maw={640}>
          <Title order={1}>{t('officer.admin.officers.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('officer.admin.officers.intro')}
          </Text>
        </Stack>
        <Button component={Link} to={ADMIN_NEW_OFFICER_PATH}>
          {t('officer.admin.officers.add')}
        </Button>
      </Group>
      <OfficerFilters
        key={params.toString()}
        value={query}
        units={units.data?.items ?? []}
        onChange={(q) => setParams(paramsOf(q))}
      />
      {officers.isPending && <Loader aria-label={t('common.loading')} />}
      {officers.error && <OfficerErrorAlert error={officers.error} />}
      <PagedTable
        data={data}
        busy={officers.isPlaceholderData}
        empty={t('officer.admin.officers.empty')}
        totalLabel={(total) => t('officer.admin.officers.total', { total })}
        totalRole="status"
        caption={t('officer.admin.officers.caption', { page: query.page })}
        columns={[
          t('officer.admin.officers.columns.number'),
          t('officer.admin.officers.columns.name'),
          t('officer.admin.officers.columns.unit'),
          t('officer.admin.officers.columns.roles'),
          t('officer.admin.officers.columns.status'),
        ]}
        minWidth={720}
        page={query.page}
        pagination={t('officer.admin.officers.pagination')}
        onPage={(page) => setParams(paramsOf({ ...query, page }))}
        row={(o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Anchor component={Link} to={adminOfficerPath(o.id)} ff="monospace" fw={600}>
                {o.officerNumber}
              </Anchor>
            </Table.Td>
            <Table.Td>{o.fullName}</Table.Td>
            <Table.Td>{o.unit.name}</Table.Td>
            <Table.Td>
              <RoleBadges roles={o.roles} />
            </Table.Td>
            <Table.Td>
              <StatusBadges officer={o} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  )
}
