import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost, officerCsrfHeaders } from '../../../api'
import type { CardKind } from './counterApi'

// Mirrors of the server's card-application JSON (apps/server/src/modules/enrolment/card.routes.ts).
export type CardState = 'received' | 'approved' | 'produced' | 'delivered' | 'rejected'
export const CARD_REJECTIONS = ['DATA_MISMATCH', 'NOT_ENTITLED', 'DOCUMENTS_INCOMPLETE', 'OTHER'] as const
export type CardRejection = (typeof CARD_REJECTIONS)[number]
export type CardMove = 'approve' | 'reject' | 'produce' | 'deliver'

export type CardApplication = {
  id: string
  personalId: string
  kind: CardKind
  reason: string
  state: CardState
  dossierId: string | null
  receivingUnit: string
  receivedOn: string | null
  dueOn: string | null
  rejectionReason: string | null
  cardIssuedOn: string | null
}

const path = (id: string) => `/api/v1/counter/card-applications/${encodeURIComponent(id)}`
const key = (id: string) => ['counter', 'card', id] as const

export const useCardApplication = (id: string) =>
  useQuery<CardApplication, ApiError>({
    queryKey: key(id),
    queryFn: ({ signal }) => apiGet<CardApplication>(path(id), { signal }),
    retry: false,
    refetchOnWindowFocus: false,
  })

/** One move of the card's life; the answer is the application as it now is. */
export const useMoveCard = (id: string) => {
  const client = useQueryClient()
  return useMutation<CardApplication, ApiError, { move: CardMove; reason?: CardRejection }>({
    mutationFn: ({ move, reason }) =>
      apiPost<CardApplication>(`${path(id)}/${move}`, move === 'reject' ? { reason } : {}, {
        headers: officerCsrfHeaders(),
      }),
    onSuccess: (card) => client.setQueryData(key(id), card),
  })
}
