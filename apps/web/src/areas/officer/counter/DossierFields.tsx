import { Table } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { vi } from '../../../i18n/vi'
import { formatPartialDate } from '../dates'
import type { Dossier } from './counterApi'
import { formatDateTime } from './format'

type CardReasonKey = keyof typeof vi.officer.counter.cardReasons

/** Every TK01 field of a dossier, as the citizen checks it and the approver reads it. */
export const DossierFields = ({ dossier: d, caption }: { dossier: Dossier; caption: string }) => {
  const { t } = useTranslation()
  const none = t('officer.counter.fields.none')
  const rows: [string, ReactNode][] = [
    [t('officer.counter.fields.kind'), t(`officer.counter.kinds.${d.kind}`)],
    [t('officer.counter.fields.fullName'), d.fullName],
    [
      t('officer.counter.fields.subjectId'),
      <span key="id" style={{ fontFamily: 'monospace' }}>
        {d.subjectId}
      </span>,
    ],
    [t('officer.counter.fields.dateOfBirth'), formatPartialDate(d.dateOfBirth)],
    [t('officer.counter.fields.phone'), d.phone],
    [t('officer.counter.fields.email'), d.email ?? none],
    [
      t('officer.counter.fields.documents'),
      d.documents.length ? d.documents.map((k) => t(`officer.counter.documents.${k}`)).join(', ') : none,
    ],
  ]
  // ID cards are for citizens: a foreigner's dossier has no card line.
  if (d.kind === 'CITIZEN_L2_COUNTER')
    rows.push([
      t('officer.counter.fields.cardApplication'),
      d.cardApplication
        ? `${t(`officer.counter.cardKinds.${d.cardApplication.kind}`)} — ${t(`officer.counter.cardReasons.${d.cardApplication.reason as CardReasonKey}`)}`
        : none,
    ])
  rows.push(
    [t('officer.counter.fields.receivingUnit'), d.receivingUnit],
    [t('officer.counter.fields.receivedBy'), d.receivedBy],
    [
      t('officer.counter.fields.biometrics'),
      d.biometricsVerifiedAt
        ? t('officer.counter.fields.biometricsVerified', { at: formatDateTime(d.biometricsVerifiedAt) })
        : t('officer.counter.fields.biometricsPending'),
    ],
  )
  if (d.receivedOn) rows.push([t('officer.counter.fields.receivedOn'), formatPartialDate(d.receivedOn)])
  if (d.dueOn) rows.push([t('officer.counter.fields.dueOn'), formatPartialDate(d.dueOn)])
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
