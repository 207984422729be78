import { Anchor, Box, Button, Group, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
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
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1
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
      {data && data.total === 0 && <Text>{t('officer.admin.officers.empty')}</Text>}
      {data && data.total > 0 && (
        <>
          <Text size="sm" fw={600} role="status">
            {t('officer.admin.officers.total', { total: data.total })}
          </Text>
          {/* A scrolling region must take keyboard focus to be scrolled without a mouse (WCAG 2.1.1). */}
          <Box
            style={{ overflowX: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={t('officer.admin.officers.caption', { page: query.page })}
          >
            <Table miw={720} striped withTableBorder captionSide="top" aria-busy={officers.isPlaceholderData}>
              <Table.Caption style={{ textAlign: 'left' }}>
                {t('officer.admin.officers.caption', { page: query.page })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('officer.admin.officers.columns.number')}</Table.Th>
                  <Table.Th scope="col">{t('officer.admin.officers.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('officer.admin.officers.columns.unit')}</Table.Th>
                  <Table.Th scope="col">{t('officer.admin.officers.columns.roles')}</Table.Th>
                  <Table.Th scope="col">{t('officer.admin.officers.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((o) => (
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
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {pages > 1 && (
            <Box component="nav" aria-label={t('officer.admin.officers.pagination')}>
              <Pagination
                total={pages}
                value={query.page}
                onChange={(page) => setParams(paramsOf({ ...query, page }))}
                siblings={1}
                boundaries={1}
                size="sm"
              />
            </Box>
          )}
        </>
      )}
    </Stack>
  )
}
