import { Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { IdCard } from '../../api'
import { formatPartialDate } from './dates'
import { cardStatusLabel } from './labels'

// Mantine's green.9 gives white text only 4.4:1: a darker green keeps it above 4.5:1 (axe, card-check e2e).
const statusColor = (status: string) => (status === 'active' || status === 'valid' ? '#1e6b30' : 'gray.7')

export const PersonCards = ({ cards }: { cards: IdCard[] }) => {
  const { t } = useTranslation()
  if (cards.length === 0) return <Text>{t('officer.person.noCards')}</Text>
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('officer.person.cardColumns.number')}</Table.Th>
            <Table.Th scope="col">{t('officer.person.cardColumns.kind')}</Table.Th>
            <Table.Th scope="col">{t('officer.person.cardColumns.issuedOn')}</Table.Th>
            <Table.Th scope="col">{t('officer.person.cardColumns.expiresOn')}</Table.Th>
            <Table.Th scope="col">{t('officer.person.cardColumns.authority')}</Table.Th>
            <Table.Th scope="col">{t('officer.person.cardColumns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cards.map((card) => (
            <Table.Tr key={card.number}>
              <Table.Td ff="monospace" className="dd-nowrap">
                {card.number}
              </Table.Td>
              <Table.Td>{t(`officer.cardKind.${card.kind}`)}</Table.Td>
              <Table.Td className="dd-nowrap">{formatPartialDate(card.issuedOn)}</Table.Td>
              <Table.Td className="dd-nowrap">
                {card.expiresOn ? formatPartialDate(card.expiresOn) : t('officer.person.noExpiry')}
              </Table.Td>
              <Table.Td>{card.authority}</Table.Td>
              <Table.Td>
                <Badge variant="filled" color={statusColor(card.status)}>
                  {cardStatusLabel(card.status, t)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
