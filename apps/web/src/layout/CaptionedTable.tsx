import { Box, Table } from '@mantine/core'
import type { ReactNode } from 'react'

type Props = {
  /** Names the table and the scrolling region around it. */
  caption: string
  columns: readonly string[]
  minWidth: number
  /** While the rows shown are the previous page's. */
  busy?: boolean
  /** The rows (`Table.Tr`), each with its key. */
  children: ReactNode
}

/** A list as a table: a caption, column headers, and a region that scrolls sideways on a narrow screen. */
export const CaptionedTable = ({ caption, columns, minWidth, busy, children }: Props) => (
  // A scrolling region must take keyboard focus to be scrolled without a mouse (WCAG 2.1.1).
  <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={caption}>
    <Table miw={minWidth} striped withTableBorder captionSide="top" aria-busy={busy}>
      <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c} scope="col">
              {c}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  </Box>
)
