import { Table } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../counter/format'
import { formatDay } from './day'
import type { LockRequest } from './lockRequestsApi'

/** Every field of a request, as the letter gave it and as the officers moved it on. */
export const LockRequestFields = ({ request: r, caption }: { request: LockRequest; caption: string }) => {
  const { t } = useTranslation()
  const f = 'officer.lockRequests.fields'
  const none = t(`${f}.none`)
  const rows: [string, ReactNode][] = [
    [t(`${f}.kind`), t(`officer.lockRequests.kinds.${r.kind}`)],
    [t(`${f}.ground`), t(`officer.lockRequests.grounds.${r.ground}`)],
    [
      t(`${f}.personalId`),
      <span key="id" style={{ fontFamily: 'monospace' }}>
        {r.personalId}
      </span>,
    ],
    [t(`${f}.authorityName`), r.authority.name],
    [t(`${f}.documentNumber`), r.authority.documentNumber],
    [t(`${f}.documentDate`), formatDay(r.authority.documentDate)],
  ]
  if (r.kind === 'lock')
    rows.push([t(`${f}.lockUntil`), r.lockUntil ? formatDay(r.lockUntil) : t(`${f}.noEnd`)])
  rows.push(
    [t(`${f}.note`), r.note ?? none],
    [t(`${f}.receivingUnit`), r.receivingUnit],
    [t(`${f}.recordedBy`), r.recordedBy],
    [t(`${f}.recordedOn`), formatDay(r.recordedOn)],
  )
  if (r.forwardBy) rows.push([t(`${f}.forwardBy`), formatDay(r.forwardBy)])
  if (r.forwardedOn) rows.push([t(`${f}.forwardedOn`), formatDay(r.forwardedOn)])
  rows.push([t(`${f}.decideBy`), formatDay(r.decideBy)])
  if (r.decidedBy) rows.push([t(`${f}.decidedBy`), r.decidedBy])
  if (r.decidedAt) rows.push([t(`${f}.decidedAt`), formatDateTime(r.decidedAt)])
  if (r.refusalReasons) rows.push([t(`${f}.refusalReasons`), r.refusalReasons])
  if (r.carriedOutAt) rows.push([t(`${f}.carriedOutAt`), formatDateTime(r.carriedOutAt)])
  return (
    <Table withTableBorder variant="vertical" layout="fixed" captionSide="top">
      <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={{ base: 130, sm: 220 }} scope="row">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
