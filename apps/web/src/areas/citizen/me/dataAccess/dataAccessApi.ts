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
}

export type Release = {
  id: string
  at: string
  recipient: { kind: 'relying_party' | 'verifier' | 'agency'; id: string; name: string }
  channel: string
  claims: string[]
  purpose: string | null
}
type ReleasePage = { items: Release[]; next: string | null }

export const dataAccessPaths = {
  connections: '/api/v1/me/connections',
  connection: (clientId: string) => `/api/v1/me/connections/${encodeURIComponent(clientId)}`,
  log: (before: string | null, limit: number) =>
    `/api/v1/me/data-access?${new URLSearchParams({ limit: String(limit), ...(before ? { before } : {}) }).toString()}`,
}

// Under meKeys.all, so logging out forgets them with the rest of the holder's data.
const keys = {
  connections: [...meKeys.all, 'connections'] as const,
  log: [...meKeys.all, 'data-access'] as const,
}

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
