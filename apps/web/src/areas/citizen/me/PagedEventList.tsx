import { Button, Loader, Stack, Text, Title } from '@mantine/core'
import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { BackToAccount } from './BackToAccount'

/** What the list needs of an infinite query (TanStack Query's result has all of it). */
type PagedQuery = {
  isPending: boolean
  isSuccess: boolean
  error: ApiError | null
  refetch: () => unknown
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}

type Props<T> = {
  title: string
  intro: string
  /** The accessible name of the list. */
  listLabel: string
  empty: string
  more: string
  query: PagedQuery
  /** Every item of the pages loaded so far, newest first. */
  items: readonly T[]
  itemKey: (item: T) => string | number
  /** One item, rendered as an `li`. */
  renderItem: (item: T) => ReactNode
  /** The way back; the account's home when not given. */
  back?: ReactNode
}

/** A page of the holder's account listing events newest first, a page at a time ("more" loads the next). */
export const PagedEventList = <T,>({
  title,
  intro,
  listLabel,
  empty,
  more,
  query,
  items,
  itemKey,
  renderItem,
  back,
}: Props<T>) => {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      {back ?? <BackToAccount />}
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{intro}</Text>
      </Stack>
      {query.isPending && <Loader aria-label={t('common.loading')} />}
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && <Text>{empty}</Text>}
      {items.length > 0 && (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={listLabel}>
          {items.map((item) => (
            <Fragment key={itemKey(item)}>{renderItem(item)}</Fragment>
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <Button
          variant="outline"
          size="md"
          fullWidth
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {more}
        </Button>
      )}
    </Stack>
  )
}
