import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet } from '../../../api'
import { accountsPaths, sessionSend } from '../accountsApi'
import { meKeys } from './meApi'

// ---- Mirrors of a representative's acts for a dependent (docs/accounts.md, dependents routes) ----

export type DependentLock = {
  initiator: 'self' | 'system' | 'authority'
  /** 'holder_request' (form TK03), a system ground such as 'card_expired', or an authority's reason. */
  ground: string
  since: string
  /** Placed by the logged-in representative. */
  byYou: boolean
}

export type DependentCard = {
  personalId: string
  fullName: string
  /** 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when the registry knows less. */
  dateOfBirth: string
  gender: 'male' | 'female'
  relation: 'parent' | 'guardian'
  regime: string
  /** null under Decree 59: the dependent is recorded under the representative's account. */
  account: { level: number; status: 'approved' | 'active' | 'locked' | 'closed' } | null
  locks: DependentLock[]
  idCard: { kind: string; issuedOn: string; expiresOn: string | null; status: string } | null
  takeoverOn: string | null
  /** The portrait on record as a data URL. */
  photo: string | null
}

export type DependentEvent = {
  seq: number
  at: string
  actor: string
  actorKind: string
  action: string
  purpose: string | null
}

export type DependentUnlocked = { status: 'approved' | 'active' | 'locked'; remainingLocks: number }

const dependentKeys = {
  all: (personalId: string) => [...meKeys.dependents, personalId] as const,
  card: (personalId: string) => [...meKeys.dependents, personalId, 'card'] as const,
  history: (personalId: string) => [...meKeys.dependents, personalId, 'history'] as const,
}

// Every read is an act recorded under both people: read once per visit, never again on a window focus.
const ONE_READ = { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false, retry: false } as const

export const useDependentCard = (personalId: string) =>
  useQuery<DependentCard, ApiError>({
    queryKey: dependentKeys.card(personalId),
    queryFn: ({ signal }) => apiGet<DependentCard>(accountsPaths.dependent(personalId, 'card'), { signal }),
    ...ONE_READ,
  })

export const useDependentHistory = (personalId: string, enabled: boolean) =>
  useQuery<DependentEvent[], ApiError>({
    queryKey: dependentKeys.history(personalId),
    queryFn: ({ signal }) =>
      apiGet<DependentEvent[]>(accountsPaths.dependent(personalId, 'history'), { signal }),
    enabled,
    ...ONE_READ,
  })

/** After a lock or an unlock the card, the history and the list have changed. */
const useRefreshDependent = (personalId: string) => {
  const client = useQueryClient()
  return () => {
    void client.invalidateQueries({ queryKey: dependentKeys.all(personalId) })
    void client.invalidateQueries({ queryKey: meKeys.dependents, exact: true })
  }
}

export const useLockDependent = (personalId: string) => {
  const refresh = useRefreshDependent(personalId)
  return useMutation<{ status: 'locked' }, ApiError, void>({
    mutationFn: () => sessionSend<{ status: 'locked' }>('POST', accountsPaths.dependent(personalId, 'lock')),
    onSuccess: refresh,
  })
}

export const useUnlockDependent = (personalId: string) => {
  const refresh = useRefreshDependent(personalId)
  return useMutation<DependentUnlocked, ApiError, void>({
    mutationFn: () => sessionSend<DependentUnlocked>('POST', accountsPaths.dependent(personalId, 'unlock')),
    onSuccess: refresh,
  })
}
