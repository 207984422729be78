import { useMutation, useQuery } from '@tanstack/react-query'
import { type ApiError, apiGet } from '../../api'
import { sessionSend } from '../citizen/accountsApi'

// ---- Mirrors of the sharing module's JSON (docs/sharing.md) ----

export type ShareScope =
  | { kind: 'basic' }
  | { kind: 'card' }
  | { kind: 'document'; documentId: string }
  | { kind: 'app-check' }

// A foreign resident's username is their foreigner ID number (NN + 10 digits), a citizen's the 12-digit ID.
/** A foreign resident shares name, date of birth and nationality, and the app check: no card, no document. */
export const isForeignResident = (username: string) => /^NN\d{10}$/.test(username)

export type ShareCreated = { id: string; qr: string; expiresAt: string }

export type ShareStatus = {
  id: string
  scope: ShareScope
  status: 'pending' | 'redeemed' | 'expired' | 'cancelled'
  createdAt: string
  expiresAt: string
  redeemedBy?: { kind: 'verifier' | 'app_check'; name: string }
  redeemedAt?: string
}

export const sharePaths = {
  create: '/api/v1/shares',
  one: (id: string) => `/api/v1/shares/${encodeURIComponent(id)}`,
  appCheck: '/api/v1/shares/app-check/redeem',
}

export const useCreateShare = () =>
  useMutation<ShareCreated, ApiError, ShareScope>({
    mutationFn: (scope) => sessionSend<ShareCreated>('POST', sharePaths.create, { scope }),
  })

export const useCancelShare = () =>
  useMutation<unknown, ApiError, string>({
    mutationFn: (id) => sessionSend<unknown>('DELETE', sharePaths.one(id)),
  })

// Every 2 s while the code is on screen: the holder sees the scan almost at once, and a 60 s code costs 30 calls.
const POLL_MS = 2_000

/** The online share's state, polled until it is no longer pending. */
export const useShareStatus = (id: string | null) =>
  useQuery<ShareStatus, ApiError>({
    queryKey: ['sharing', 'share', id],
    queryFn: ({ signal }) => apiGet<ShareStatus>(sharePaths.one(id ?? ''), { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'pending' ? false : POLL_MS),
    retry: false,
  })
