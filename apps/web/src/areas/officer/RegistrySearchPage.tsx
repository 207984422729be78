import { Loader, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { usePersonSearch } from '../../api'
import { ErrorAlert } from '../../layout/ErrorAlert'
import { SearchForm } from './SearchForm'
import { SearchResults } from './SearchResults'
import { readSearchState, toPersonSearch, toSearchParams } from './searchParams'

export const RegistrySearchPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const state = readSearchState(params)
  const search = toPersonSearch(state)
  const query = usePersonSearch(search)

  return (
    <Stack gap="lg">
      <Title order={1} id="search-title">
        {t('officer.search.title')}
      </Title>
      <SearchForm
        key={params.toString()}
        initial={state}
        onSearchById={(id) => {
          const search = `?${toSearchParams({ mode: 'id', id }).toString()}`
          setParams(search)
          navigate(`/officer/persons/${encodeURIComponent(id)}`, { state: { search } })
        }}
        onSearchByName={(q) => setParams(toSearchParams({ mode: 'name', ...q, page: 1 }))}
        onReset={() => setParams(new URLSearchParams())}
      />
      {search && query.isPending && query.fetchStatus === 'fetching' && (
        <Loader aria-label={t('common.loading')} />
      )}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {search && query.data && (
        <SearchResults
          result={query.data}
          stale={query.isPlaceholderData}
          onPage={(page) => setParams(toSearchParams({ ...state, page }))}
        />
      )}
    </Stack>
  )
}
