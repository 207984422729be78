import { Loader, Paper, Stack, Text, Title } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { BarChart, type Category, type Series } from './BarChart'
import { DataTable, type Row } from './DataTable'
import { ReportErrorAlert } from './ReportErrorAlert'

type SectionProps<T> = {
  title: string
  intro: string
  query: UseQueryResult<T, ApiError>
  children: (data: T) => ReactNode
}

/** One report: its heading and what it counts, then its figures once they arrive (or the error). */
export const ReportSection = <T,>({ title, intro, query, children }: SectionProps<T>) => {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </Stack>
        {query.isPending && <Loader aria-label={t('common.loading')} />}
        {query.isError && <ReportErrorAlert error={query.error} />}
        {query.data && <div aria-busy={query.isPlaceholderData}>{children(query.data)}</div>}
      </Stack>
    </Paper>
  )
}

type FigureProps = {
  title: string
  series: readonly Series[]
  categories: readonly Category[]
  table: {
    caption: string
    header: readonly string[]
    rows: readonly Row[]
    total?: readonly (string | number)[]
  }
  csvName: string
  linkHeader?: string
}

/** A chart under its title with the table of the same figures below it. */
export const ChartWithTable = ({ title, series, categories, table, csvName, linkHeader }: FigureProps) => {
  const id = useId()
  return (
    <Stack gap="sm" component="figure" m={0} aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      <BarChart title={title} series={series} categories={categories} />
      <DataTable {...table} csvName={csvName} linkHeader={linkHeader} />
    </Stack>
  )
}
