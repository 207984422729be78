import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost, officerCsrfHeaders, type Page } from '../../../api'

// Mirrors of the server's lock-request JSON (apps/server/src/modules/lock-requests/lock-request.view.ts).

export type LockRequestKind = 'lock' | 'unlock'
export type LockRequestGround = 'lid_34_1_e' | 'authority_unlock'
export type LockRequestState = 'recorded' | 'forwarded' | 'approved' | 'refused' | 'carried_out'
/** The recording unit's list filter: still to forward, waiting for the decision, decided. */
export type RecordedFilter = 'recorded' | 'forwarded' | 'decided'
export const RECORDED_FILTERS: readonly RecordedFilter[] = ['recorded', 'forwarded', 'decided']

/** The ground follows from the kind: the server refuses any other pairing (GROUND_MISMATCH). */
export const GROUND_OF: Record<LockRequestKind, LockRequestGround> = {
  lock: 'lid_34_1_e',
  unlock: 'authority_unlock',
}

export type LockRequest = {
  id: string
  kind: LockRequestKind
  ground: LockRequestGround
  state: LockRequestState
  personalId: string
  authority: { name: string; documentNumber: string; documentDate: string }
  note: string | null
  lockUntil: string | null
  receivingUnit: string
  recordedBy: string
  recordedOn: string
  forwardBy: string | null
  forwardedOn: string | null
  decideBy: string
  overdue: boolean
  decidedBy: string | null
  decidedAt: string | null
  refusalReasons: string | null
  lockId: string | null
  carriedOutAt: string | null
}

export type TrailEntry = { at: string; actor: string; action: string }
export type LockRequestDetail = LockRequest & { trail: TrailEntry[] }

export type NewLockRequest = {
  personalId: string
  kind: LockRequestKind
  ground: LockRequestGround
  authority: { name: string; documentNumber: string; documentDate: string }
  lockUntil?: string
  note?: string
}

const base = '/api/v1/counter/lock-requests'
export const lockRequestApiPaths = {
  record: base,
  one: (id: string) => `${base}/${encodeURIComponent(id)}`,
  step: (id: string, step: 'forward' | 'approve' | 'refuse') => `${base}/${encodeURIComponent(id)}/${step}`,
  queue: (page: number, pageSize: number) => `${base}?page=${page}&pageSize=${pageSize}`,
  recorded: (page: number, pageSize: number, state?: RecordedFilter) =>
    `${base}/recorded?page=${page}&pageSize=${pageSize}${state ? `&state=${state}` : ''}`,
}

const post = <T>(path: string, body: unknown) => apiPost<T>(path, body, { headers: officerCsrfHeaders() })
const requestKey = (id: string) => ['lockRequests', 'request', id] as const

export const useRecordLockRequest = () =>
  useMutation<LockRequest, ApiError, NewLockRequest>({
    mutationFn: (body) => post<LockRequest>(lockRequestApiPaths.record, body),
  })

// Every read of one request is audited on the server: no background refetching.
export const useLockRequest = (id: string) =>
  useQuery<LockRequestDetail, ApiError>({
    queryKey: requestKey(id),
    queryFn: ({ signal }) => apiGet<LockRequestDetail>(lockRequestApiPaths.one(id), { signal }),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  })

export const useRecordedLockRequests = (page: number, pageSize: number, state?: RecordedFilter) =>
  useQuery<Page<LockRequest>, ApiError>({
    queryKey: ['lockRequests', 'recorded', page, pageSize, state ?? 'all'],
    queryFn: ({ signal }) =>
      apiGet<Page<LockRequest>>(lockRequestApiPaths.recorded(page, pageSize, state), { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  })

export const useLockRequestQueue = (page: number, pageSize: number) =>
  useQuery<Page<LockRequest>, ApiError>({
    queryKey: ['lockRequests', 'queue', page, pageSize],
    queryFn: ({ signal }) => apiGet<Page<LockRequest>>(lockRequestApiPaths.queue(page, pageSize), { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  })

/** After a step the request (and its trail) and the lists are read again, so every page shows it. */
const useRefresh = () => {
  const client = useQueryClient()
  return (id: string) => {
    void client.invalidateQueries({ queryKey: requestKey(id) })
    void client.invalidateQueries({ queryKey: ['lockRequests', 'recorded'] })
    void client.invalidateQueries({ queryKey: ['lockRequests', 'queue'] })
  }
}

export const useForwardLockRequest = () => {
  const refresh = useRefresh()
  return useMutation<LockRequest, ApiError, string>({
    mutationFn: (id) => post<LockRequest>(lockRequestApiPaths.step(id, 'forward'), {}),
    onSettled: (_data, _error, id) => refresh(id),
  })
}

export type LockDecision = { decision: 'approve' } | { decision: 'refuse'; reasons: string }

export const useDecideLockRequest = (id: string) => {
  const refresh = useRefresh()
  return useMutation<LockRequest, ApiError, LockDecision>({
    mutationFn: (d) =>
      d.decision === 'approve'
        ? post<LockRequest>(lockRequestApiPaths.step(id, 'approve'), {})
        : post<LockRequest>(lockRequestApiPaths.step(id, 'refuse'), { reasons: d.reasons }),
    onSettled: () => refresh(id),
  })
}
