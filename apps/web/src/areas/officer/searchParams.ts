import type { PersonSearch } from '../../api'

// The search lives in the URL (/officer/search?mode=name&name=…&dob=…&province=…&page=…) so Back and links work.
export type SearchMode = 'id' | 'name'
export const PAGE_SIZE = 20

export type SearchState = {
  mode: SearchMode
  id: string
  name: string
  dob: string
  province: string
  page: number
}

export const readSearchState = (params: URLSearchParams): SearchState => {
  const page = Number(params.get('page') ?? '1')
  return {
    mode: params.get('mode') === 'id' ? 'id' : 'name',
    id: params.get('id') ?? '',
    name: params.get('name') ?? '',
    dob: params.get('dob') ?? '',
    province: params.get('province') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

export const toSearchParams = (state: Partial<SearchState>): URLSearchParams => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(state)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value))
  }
  return params
}

/** The API query for a name search in the URL, or null when there is none to run. */
export const toPersonSearch = (state: SearchState): PersonSearch | null => {
  if (state.mode !== 'name' || !state.name || !state.dob) return null
  return {
    name: state.name,
    dob: state.dob,
    ...(state.province ? { province: state.province } : {}),
    page: state.page,
    pageSize: PAGE_SIZE,
  }
}

export const isPersonalId = (value: string) => /^\d{12}$/.test(value)
export const normalizePersonalId = (value: string) => value.replace(/[\s.-]/g, '')
