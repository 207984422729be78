import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost, officerCsrfHeaders, type Page } from '../../../api'
import type { CardKind } from './counterApi'

// Mirrors of the server's card-application JSON (apps/server/src/modules/enrolment/card.routes.ts).
export const CARD_STATES = ['received', 'approved', 'produced', 'delivered', 'rejected'] as const
export type CardState = (typeof CARD_STATES)[number]
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
  /** Past its due day with no card produced yet. */
  overdue: boolean
  rejectionReason: string | null
  cardIssuedOn: string | null
}

const base = '/api/v1/counter/card-applications'
const path = (id: string) => `${base}/${encodeURIComponent(id)}`
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
    onSuccess: (card) => {
      client.setQueryData(key(id), card)
      void client.invalidateQueries({ queryKey: ['counter', 'cards'] })
    },
  })
}

/** The list's filters: one state or `open` (received and approved), a kind; empty means any. */
export type CardListFilter = {
  state: CardState | 'open' | ''
  kind: CardKind | ''
  page: number
  pageSize: number
}

const listPath = (f: CardListFilter) => {
  const params = new URLSearchParams({ page: String(f.page), pageSize: String(f.pageSize) })
  if (f.state) params.set('state', f.state)
  if (f.kind) params.set('kind', f.kind)
  return `${base}?${params.toString()}`
}

export const useCardApplications = (filter: CardListFilter) =>
  useQuery<Page<CardApplication>, ApiError>({
    queryKey: ['counter', 'cards', filter],
    queryFn: ({ signal }) => apiGet<Page<CardApplication>>(listPath(filter), { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  })
