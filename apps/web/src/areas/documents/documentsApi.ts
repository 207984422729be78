import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet } from '../../api'
import { sessionSend } from '../citizen/accountsApi'
import { meKeys } from '../citizen/me/meApi'
import type { DocumentKind } from './documentKinds'

// ---- Mirrors of the server's JSON (docs/documents.md) ----

export { DOCUMENT_KINDS, type DocumentKind } from './documentKinds'

export type DocumentStatus = 'active' | 'suspended' | 'revoked' | 'expired'

export type IntegratedDocument = {
  id: string
  kind: DocumentKind
  number: string
  sourceSystem: string
  status: DocumentStatus
  validFrom: string
  validTo: string | null
  data: Record<string, unknown>
  integratedVia: 'app' | 'counter'
  integratedAt: string
  syncedAt: string
}

const paths = {
  list: '/api/v1/documents',
  one: (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`,
}

// Under meKeys.all, so logging out forgets them with the rest of the holder's data.
const key = [...meKeys.all, 'documents'] as const

export const useDocuments = () =>
  useQuery<{ items: IntegratedDocument[] }, ApiError>({
    queryKey: key,
    queryFn: ({ signal }) => apiGet<{ items: IntegratedDocument[] }>(paths.list, { signal }),
  })

export const useIntegrateDocument = () => {
  const client = useQueryClient()
  return useMutation<IntegratedDocument, ApiError, { kind: DocumentKind; number: string }>({
    mutationFn: (body) => sessionSend<IntegratedDocument>('POST', paths.list, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  })
}

export const useRemoveDocument = () => {
  const client = useQueryClient()
  return useMutation<{ removed: string }, ApiError, string>({
    mutationFn: (id) => sessionSend<{ removed: string }>('DELETE', paths.one(id)),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  })
}
