import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost, officerCsrfHeaders, type Page } from '../../../api'
import type { Application } from '../../developers/developersApi'

export const RP_QUEUE_PATH = '/officer/relying-parties'
export const rpApplicationPath = (id: string) => `/officer/relying-parties/${encodeURIComponent(id)}`
const BASE = '/api/v1/officer/relying-parties/applications'
const keys = { all: ['relying-parties'] as const, one: (id: string) => ['relying-parties', id] as const }

export type QueueFilter = 'open' | 'decided'

export const useRpQueue = (state: QueueFilter, page: number) =>
  useQuery<Page<Application>, ApiError>({
    queryKey: [...keys.all, 'queue', state, page],
    queryFn: ({ signal }) => apiGet<Page<Application>>(`${BASE}?state=${state}&page=${page}`, { signal }),
    placeholderData: keepPreviousData,
  })

export const useRpApplication = (id: string) =>
  useQuery<Application, ApiError>({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => apiGet<Application>(`${BASE}/${encodeURIComponent(id)}`, { signal }),
  })

export type RpStep =
  | { step: 'agreement'; body: { number: string; signedOn: string } }
  | { step: 'approve' }
  | { step: 'refuse' | 'suspend' | 'reinstate'; body: { reason: string } }
  | { step: 'allow-dependents'; body: { allowDependents: boolean; reason: string } }

/** One appraisal step; the answer is the application as it is now. */
export const useRpStep = (id: string) => {
  const client = useQueryClient()
  return useMutation<Application, ApiError, RpStep>({
    mutationFn: (s) =>
      apiPost<Application>(`${BASE}/${encodeURIComponent(id)}/${s.step}`, 'body' in s ? s.body : {}, {
        headers: officerCsrfHeaders(),
      }),
    onSuccess: (a) => {
      client.setQueryData(keys.one(id), a)
      void client.invalidateQueries({ queryKey: [...keys.all, 'queue'] })
    },
  })
}
