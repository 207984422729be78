import { Anchor, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { lockRequestPath } from './lockRequestPaths'
import type { LockRequest } from './lockRequestsApi'

const k = 'officer.lockRequests'

/** The two lists of requests (the unit's recorded ones, the deciders' queue): their texts by section. */
export const useLockListTexts = (section: 'queue' | 'recorded', page: number) => {
  const { t } = useTranslation()
  return {
    heading: (
      <Stack gap={4}>
        <Title order={1}>{t(`${k}.${section}.title`)}</Title>
        <Text size="sm" c="dimmed">
          {t(`${k}.${section}.intro`)}
        </Text>
      </Stack>
    ),
    table: {
      empty: t(`${k}.${section}.empty`),
      totalLabel: (total: number) => t(`${k}.${section}.total`, { total }),
      caption: t(`${k}.${section}.caption`, { page }),
      pagination: t(`${k}.${section}.pagination`),
      minWidth: 820,
      page,
    },
  }
}

/** A request's first three cells in either list: its letter (linked), lock or unlock, whose account. */
export const RequestCells = ({ request }: { request: LockRequest }) => {
  const { t } = useTranslation()
  return (
    <>
      <Table.Td>
        <Anchor component={Link} to={lockRequestPath(request.id)} fw={600} style={{ whiteSpace: 'nowrap' }}>
          {request.authority.documentNumber}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`${k}.kinds.${request.kind}`)}</Table.Td>
      <Table.Td ff="monospace">{request.personalId}</Table.Td>
    </>
  )
}
