import { Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { CaptionedTable } from './CaptionedTable'
import { ListPager } from './ListPager'

type Props<T> = {
  /** One page of the list, as the server answers it; nothing while the first page loads. */
  data: { items: readonly T[]; total: number; pageSize: number } | undefined
  busy: boolean
  empty: string
  /** The line above the table that counts the whole list. */
  totalLabel: (total: number) => string
  /** `status` where a filter changes the count, so that a screen reader hears the new one. */
  totalRole?: 'status'
  caption: string
  columns: readonly string[]
  minWidth: number
  page: number
  /** The accessible name of the pager. */
  pagination: string
  onPage: (page: number) => void
  /** One row (`Table.Tr`) with its key. */
  row: (item: T) => ReactNode
}

/** A paged list of an officer's work: "nothing here", or the count, the table and the pager. */
export const PagedTable = <T,>({
  data,
  busy,
  empty,
  totalLabel,
  totalRole,
  caption,
  columns,
  minWidth,
  page,
  pagination,
  onPage,
  row,
}: Props<T>) => {
  if (!data) return null
  if (data.total === 0) return <Text>{empty}</Text>
  return (
    <>
      <Text size="sm" fw={600} role={totalRole}>
        {totalLabel(data.total)}
      </Text>
      <CaptionedTable caption={caption} columns={columns} minWidth={minWidth} busy={busy}>
        {data.items.map(row)}
      </CaptionedTable>
      <ListPager
        label={pagination}
        page={page}
        pages={Math.max(1, Math.ceil(data.total / data.pageSize))}
        onChange={onPage}
      />
    </>
  )
}
