import { Box, Pagination } from '@mantine/core'

type Props = { label: string; page: number; pages: number; onChange: (page: number) => void }

/** The pages of a list, as a labelled navigation; nothing when everything fits on one page. */
export const ListPager = ({ label, page, pages, onChange }: Props) =>
  pages > 1 ? (
    <Box component="nav" aria-label={label}>
      <Pagination total={pages} value={page} onChange={onChange} siblings={1} boundaries={1} size="sm" />
    </Box>
  ) : null

/** The page asked for in the address (?page=), 1 when missing or not a positive whole number. */
export const pageParam = (params: URLSearchParams): number => {
  const asked = Number(params.get('page') ?? '1')
  return Number.isInteger(asked) && asked > 0 ? asked : 1
}
