import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet } from '../../../../api'
import { sessionSend } from '../../accountsApi'
import { meKeys } from '../meApi'

// ---- Mirrors of the server's JSON (docs/data-access.md) ----

export type Connection = {
  clientId: string
  name: string
  purpose: string | null
  scopes: string[]
  grantedAt: string | null
  expiresAt: string | null
  lastUsedAt: string | null
  /** null: the holder's own consent; else the parents or guardians who gave it for the holder, and when. */
  givenBy: { name: string; grantedAt: string | null }[] | null
}

export type Release = {
  id: string
  at: string
  recipient: { kind: 'relying_party' | 'verifier' | 'agency'; id: string; name: string }
  channel: string
  claims: string[]
  purpose: string | null
  /** The parent's or guardian's personal ID number when they signed in for the holder, else null. */
  representative: string | null
}
type ReleasePage = { items: Release[]; next: string | null }

const page = (before: string | null, limit: number) =>
  new URLSearchParams({ limit: String(limit), ...(before ? { before } : {}) }).toString()
const dependentBase = (personalId: string) => `/api/v1/me/dependents/${encodeURIComponent(personalId)}`

export const dataAccessPaths = {
  connections: '/api/v1/me/connections',
  connection: (clientId: string) => `/api/v1/me/connections/${encodeURIComponent(clientId)}`,
  onBehalf: (clientId: string) => `/api/v1/me/connections/${encodeURIComponent(clientId)}/on-behalf`,
  log: (before: string | null, limit: number) => `/api/v1/me/data-access?${page(before, limit)}`,
  dependentConnections: (personalId: string) => `${dependentBase(personalId)}/connections`,
  dependentConnection: (personalId: string, clientId: string) =>
    `${dependentBase(personalId)}/connections/${encodeURIComponent(clientId)}`,
  dependentLog: (personalId: string, before: string | null, limit: number) =>
    `${dependentBase(personalId)}/data-access?${page(before, limit)}`,
}

// Under meKeys.all, so logging out forgets them with the rest of the holder's data.
const keys = {
  connections: [...meKeys.all, 'connections'] as const,
  log: [...meKeys.all, 'data-access'] as const,
  // Not under `connections`: revoking one's own must not re-read (and record) a dependent's.
  dependentConnections: (personalId: string) => [...meKeys.all, 'dependent-connections', personalId] as const,
  dependentLog: (personalId: string) => [...meKeys.all, 'dependent-data-access', personalId] as const,
}

// A read for a dependent is an act recorded under both people: once per visit, never again on a window focus.
const ONE_READ = { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false, retry: false } as const

const LOG_PAGE = 20
const retryUnlessClientError = (count: number, error: ApiError) =>
  !(error.status >= 400 && error.status < 500) && count < 2

export const useConnections = () =>
  useQuery<{ items: Connection[] }, ApiError>({
    queryKey: keys.connections,
    queryFn: ({ signal }) => apiGet<{ items: Connection[] }>(dataAccessPaths.connections, { signal }),
    retry: retryUnlessClientError,
  })

export const useDataAccessLog = () =>
  useInfiniteQuery<ReleasePage, ApiError>({
    queryKey: keys.log,
    queryFn: ({ pageParam, signal }) =>
      apiGet<ReleasePage>(dataAccessPaths.log(pageParam as string | null, LOG_PAGE), { signal }),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
    retry: retryUnlessClientError,
  })

export const useRevokeConnection = () => {
  const client = useQueryClient()
  return useMutation<{ revoked: string }, ApiError, string>({
    mutationFn: (clientId) =>
      sessionSend<{ revoked: string }>('DELETE', dataAccessPaths.connection(clientId)),
    onSettled: () => client.invalidateQueries({ queryKey: keys.connections }),
  })
}

/** Withdraws the consents a representative gave to a service for the holder (before they took their account over). */
export const useRevokeOnBehalfConnection = () => {
  const client = useQueryClient()
  return useMutation<{ revoked: string }, ApiError, string>({
    mutationFn: (clientId) => sessionSend<{ revoked: string }>('DELETE', dataAccessPaths.onBehalf(clientId)),
    onSettled: () => client.invalidateQueries({ queryKey: keys.connections }),
  })
}

/** The consents the holder gave while signing in for a dependent they represent. */
export const useDependentConnections = (personalId: string) =>
  useQuery<{ items: Connection[] }, ApiError>({
    queryKey: keys.dependentConnections(personalId),
    queryFn: ({ signal }) =>
      apiGet<{ items: Connection[] }>(dataAccessPaths.dependentConnections(personalId), { signal }),
    ...ONE_READ,
  })

export const useRevokeDependentConnection = (personalId: string) => {
  const client = useQueryClient()
  return useMutation<{ revoked: string }, ApiError, string>({
    mutationFn: (clientId) =>
      sessionSend<{ revoked: string }>('DELETE', dataAccessPaths.dependentConnection(personalId, clientId)),
    onSettled: () => client.invalidateQueries({ queryKey: keys.dependentConnections(personalId) }),
  })
}

/** A dependent's data-access log, read by their representative. */
export const useDependentDataAccessLog = (personalId: string) =>
  useInfiniteQuery<ReleasePage, ApiError>({
    queryKey: keys.dependentLog(personalId),
    queryFn: ({ pageParam, signal }) =>
      apiGet<ReleasePage>(dataAccessPaths.dependentLog(personalId, pageParam as string | null, LOG_PAGE), {
        signal,
      }),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
    ...ONE_READ,
  })
