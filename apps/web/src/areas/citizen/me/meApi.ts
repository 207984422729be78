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

export type PhoneChangeStarted = { currentHint: string; newHint: string }
export type PhoneChangeFinish = { newPhone: string; currentCode: string; newCode: string }
export type PhoneChanged = { phone: string; sessionsEnded: number }

export type Dependent = {
  personalId: string
  fullName: string | null
  /** 'parent' (the dependent is the holder's child) or 'guardian' (a ward). */
  relation: string
  /** The legal regime it was registered under, e.g. 'decree-69-2024'. */
  regime: string
  accountStatus: string | null
  since: string
  /** The day a child takes over and the holder stops acting for them; null for a ward. */
  takeoverOn: string | null
  /** Whether the holder may still act for them (view, lock, history). */
  acting: boolean
}
export type DependentApplication = { personalId: string; fullName: string; dateOfBirth: string }
export type DependentRegistered = {
  personalId: string
  fullName: string
  kind: 'own_account' | 'under_representative_account'
  account: { level: number; status: 'approved' } | null
  takeoverAge: number | null
  source: string
}

export const meKeys = {
  all: ['accounts', 'me'] as const,
  me: ['accounts', 'me', 'account'] as const,
  sessions: ['accounts', 'me', 'sessions'] as const,
  history: ['accounts', 'me', 'history'] as const,
  dependents: ['accounts', 'me', 'dependents'] as const,
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

/** Change the registered phone, step 1: one code to the current number, one to the new number. */
export const useStartPhoneChange = () =>
  useMutation<PhoneChangeStarted, ApiError, { newPhone: string }>({
    mutationFn: (start) => sessionSend<PhoneChangeStarted>('POST', accountsPaths.phoneStart, start),
  })

/** Step 2: both codes; the other sessions end. */
export const useFinishPhoneChange = () => {
  const client = useQueryClient()
  return useMutation<PhoneChanged, ApiError, PhoneChangeFinish>({
    mutationFn: (finish) => sessionSend<PhoneChanged>('POST', accountsPaths.phoneFinish, finish),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: meKeys.me })
      void client.invalidateQueries({ queryKey: meKeys.sessions })
    },
  })
}

export const useDependents = () =>
  useQuery<Dependent[], ApiError>({
    queryKey: meKeys.dependents,
    queryFn: ({ signal }) => apiGet<Dependent[]>(accountsPaths.dependents, { signal }),
    retry: retryUnlessClientError,
  })

export const useRegisterDependent = () => {
  const client = useQueryClient()
  return useMutation<DependentRegistered, ApiError, DependentApplication>({
    mutationFn: (application) =>
      sessionSend<DependentRegistered>('POST', accountsPaths.dependents, application),
    onSuccess: () => void client.invalidateQueries({ queryKey: meKeys.dependents }),
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
