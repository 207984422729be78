import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Relative } from '../../api'
import { relationLabel } from './labels'

export const PersonRelatives = ({ relatives }: { relatives: Relative[] }) => {
  const { t } = useTranslation()
  if (relatives.length === 0) return <Text>{t('officer.person.noRelatives')}</Text>
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('officer.person.relativeColumns.relation')}</Table.Th>
            <Table.Th scope="col">{t('officer.person.relativeColumns.fullName')}</Table.Th>
            <Table.Th scope="col">{t('officer.person.relativeColumns.personalId')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {relatives.map((r) => (
            <Table.Tr key={`${r.relation}-${r.personalId ?? r.fullName}`}>
              <Table.Td>{relationLabel(r.relation, t)}</Table.Td>
              <Table.Td>
                {r.personalId ? (
                  <Anchor component={Link} to={`/officer/persons/${encodeURIComponent(r.personalId)}`}>
                    {r.fullName}
                  </Anchor>
                ) : (
                  r.fullName
                )}
              </Table.Td>
              <Table.Td ff="monospace">{r.personalId ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
