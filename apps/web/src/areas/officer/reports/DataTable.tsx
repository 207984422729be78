import { Anchor, Box, Button, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { type Cell, downloadCsv, toCsv } from './csv'
import { useCountFormat } from './reportFormat'

export type Row = { key: string; cells: readonly Cell[]; link?: { to: string; label: string } }

type Props = {
  caption: string
  header: readonly string[]
  rows: readonly Row[]
  total?: readonly Cell[]
  /** The file name offered for the CSV export, without extension. */
  csvName: string
  /** The header of the link column, when rows have links. */
  linkHeader?: string
  minWidth?: number
}

/** A report's figures as a table (the accessible source of every chart), with a CSV export. */
export const DataTable = ({ caption, header, rows, total, csvName, linkHeader, minWidth = 480 }: Props) => {
  const { t } = useTranslation()
  const count = useCountFormat()
  const withLinks = rows.some((r) => r.link)
  const show = (c: Cell) => (typeof c === 'number' ? count(c) : c)
  const exportCsv = () =>
    downloadCsv(
      `${csvName}.csv`,
      toCsv(header, total ? [...rows.map((r) => r.cells), total] : rows.map((r) => r.cells)),
    )
  return (
    <Box>
      {/* A scrolling region must take keyboard focus to be scrolled without a mouse (WCAG 2.1.1). */}
      <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={caption}>
        <Table
          miw={minWidth}
          striped
          withTableBorder
          captionSide="top"
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {header.map((h, i) => (
                <Table.Th key={h} scope="col" ta={i === 0 ? 'left' : 'right'}>
                  {h}
                </Table.Th>
              ))}
              {withLinks && <Table.Th scope="col">{linkHeader}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={header.length + (withLinks ? 1 : 0)}>
                  <Text size="sm">{t('officer.reports.table.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                {r.cells.map((c, i) =>
                  i === 0 ? (
                    <Table.Th key={header[i]} scope="row" fw={500}>
                      {show(c)}
                    </Table.Th>
                  ) : (
                    <Table.Td key={header[i]} ta="right">
                      {show(c)}
                    </Table.Td>
                  ),
                )}
                {withLinks && (
                  <Table.Td>
                    {r.link && (
                      <Anchor component={Link} to={r.link.to}>
                        {r.link.label}
                      </Anchor>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {total && rows.length > 0 && (
            <Table.Tfoot>
              <Table.Tr>
                {total.map((c, i) =>
                  i === 0 ? (
                    <Table.Th key={header[i]} scope="row">
                      {show(c)}
                    </Table.Th>
                  ) : (
                    <Table.Td key={header[i]} ta="right" fw={700}>
                      {show(c)}
                    </Table.Td>
                  ),
                )}
                {withLinks && <Table.Td />}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Box>
      <Group justify="flex-end" mt={6}>
        <Button
          variant="subtle"
          size="xs"
          onClick={exportCsv}
          aria-label={t('officer.reports.table.csvFor', { caption })}
        >
          {t('officer.reports.table.csv')}
        </Button>
      </Group>
    </Box>
  )
}
