import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet } from '../../../api'
import { accountsPaths, sessionSend } from '../accountsApi'

// ---- Mirrors of the logged-in holder's JSON (docs/accounts.md, session and history routes) ----

export type Me = {
  username: string
  level: number
  status: string
  /** Masked by the server, e.g. '+84 9** *** 678'. */
  phone: string
  methods: string[]
}

export type DeviceSession = {
  sessionId: string
  device: string
  methods: string[]
  ip: string | null
  startedAt: string
  lastSeenAt: string
  current: boolean
}

export type HistoryEvent = {
  seq: number
  at: string
  actor: string
  actorKind: string
  action: string
  purpose: string | null
  data: Record<string, unknown>
}
export type HistoryPage = { events: HistoryEvent[]; next: number | null }

export const meKeys = {
  all: ['accounts', 'me'] as const,
  me: ['accounts', 'me', 'account'] as const,
  sessions: ['accounts', 'me', 'sessions'] as const,
  history: ['accounts', 'me', 'history'] as const,
}

const HISTORY_PAGE = 20

// A 401 means "log in" and a 4xx will not change by asking again.
const retryUnlessClientError = (count: number, error: ApiError) =>
  !(error.status >= 400 && error.status < 500) && count < 2

export const useMe = () =>
  useQuery<Me, ApiError>({
    queryKey: meKeys.me,
    queryFn: ({ signal }) => apiGet<Me>(accountsPaths.me, { signal }),
    retry: retryUnlessClientError,
  })

export const useSessions = () =>
  useQuery<DeviceSession[], ApiError>({
    queryKey: meKeys.sessions,
    queryFn: ({ signal }) => apiGet<DeviceSession[]>(accountsPaths.sessions, { signal }),
    retry: retryUnlessClientError,
  })

export const useHistory = () =>
  useInfiniteQuery<HistoryPage, ApiError>({
    queryKey: meKeys.history,
    queryFn: ({ pageParam, signal }) =>
      apiGet<HistoryPage>(accountsPaths.history(pageParam as number | null, HISTORY_PAGE), { signal }),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
    retry: retryUnlessClientError,
  })

export const useEndSession = () => {
  const client = useQueryClient()
  return useMutation<{ ended: number }, ApiError, string>({
    mutationFn: (id) => sessionSend<{ ended: number }>('DELETE', accountsPaths.session(id)),
    onSettled: () => client.invalidateQueries({ queryKey: meKeys.sessions }),
  })
}

export const useEndOtherSessions = () => {
  const client = useQueryClient()
  return useMutation<{ ended: number }, ApiError, void>({
    mutationFn: () => sessionSend<{ ended: number }>('POST', accountsPaths.endOthers),
    onSettled: () => client.invalidateQueries({ queryKey: meKeys.sessions }),
  })
}

/** Logging out or locking ends this session: forget everything cached about the holder. */
const useForgetHolder = () => {
  const client = useQueryClient()
  return () => client.removeQueries({ queryKey: meKeys.all })
}

export const useLogout = () => {
  const forget = useForgetHolder()
  return useMutation<{ ended: number }, ApiError, void>({
    mutationFn: () => sessionSend<{ ended: number }>('POST', accountsPaths.logout),
    onSuccess: forget,
  })
}

export const useLockMyAccount = () => {
  const forget = useForgetHolder()
  return useMutation<{ status: 'locked' }, ApiError, void>({
    mutationFn: () => sessionSend<{ status: 'locked' }>('POST', accountsPaths.lockMe),
    onSuccess: forget,
  })
}

/** After a login the holder's data is new: drop what was cached for whoever was here before. */
export const useSignedIn = () => useForgetHolder()
