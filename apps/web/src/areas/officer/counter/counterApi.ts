import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost, officerCsrfHeaders, type Page } from '../../../api'
import type { DocumentKind } from '../../documents/documentKinds'

// Mirrors of the server's counter JSON (apps/server/src/modules/enrolment/counter-dossier.view.ts).

export { DOCUMENT_KINDS, type DocumentKind } from '../../documents/documentKinds'

export type CardKind = 'issue' | 'renewal' | 'reissue'
/** Grounds per kind (Law on Identification 2023 Art 24), as the server accepts them. */
export const CARD_REASONS: Record<CardKind, readonly string[]> = {
  issue: ['first_card'],
  renewal: ['age_milestone', 'expired', 'data_changed', 'damaged', 'error_on_card', 'holder_request'],
  reissue: ['lost', 'nationality_regained'],
}
export const CARD_KINDS = Object.keys(CARD_REASONS) as CardKind[]

export const REJECTION_REASONS = [
  'DATA_MISMATCH',
  'BIOMETRICS_DOUBT',
  'DOCUMENTS_INCOMPLETE',
  'NOT_ELIGIBLE',
  'OTHER',
] as const
export type RejectionReason = (typeof REJECTION_REASONS)[number]

export type DossierState =
  | 'draft'
  | 'awaiting_confirmation'
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'cancelled'

export type Dossier = {
  id: string
  number: string
  kind: 'CITIZEN_L2_COUNTER' | 'FOREIGNER_L2_COUNTER'
  state: DossierState
  subjectId: string
  fullName: string
  dateOfBirth: string
  phone: string
  email: string | null
  documents: DocumentKind[]
  cardApplication: { kind: CardKind; reason: string } | null
  cardApplicationId: string | null
  receivingUnit: string
  receivedBy: string
  faceVerificationId: string | null
  fingerprintVerificationId: string | null
  biometricsVerifiedAt: string | null
  citizenConfirmedAt: string | null
  receivedOn: string | null
  dueOn: string | null
  overdue: boolean
  decidedAt: string | null
  reason: string | null
  accountId: string | null
}

export type TrailEntry = { at: string; actor: string; action: string }
export type DossierDetail = Dossier & { trail: TrailEntry[] }

export type OpenDossier = {
  personalId?: string
  qr?: string
  foreignerId?: string
  phone: string
  email?: string
  documents: DocumentKind[]
  cardApplication?: { kind: CardKind; reason: string }
}

const base = '/api/v1/counter'
export const counterPaths = {
  open: `${base}/dossiers`,
  dossier: (id: string) => `${base}/dossiers/${encodeURIComponent(id)}`,
  step: (id: string, step: 'biometrics' | 'confirm' | 'cancel' | 'approve' | 'reject') =>
    `${base}/dossiers/${encodeURIComponent(id)}/${step}`,
  slip: (id: string) => `${base}/dossiers/${encodeURIComponent(id)}/slip.pdf`,
  queue: (page: number, pageSize: number) => `${base}/queue?page=${page}&pageSize=${pageSize}`,
}

const post = <T>(path: string, body: unknown) => apiPost<T>(path, body, { headers: officerCsrfHeaders() })
const dossierKey = (id: string) => ['counter', 'dossier', id] as const

export const useOpenDossier = () =>
  useMutation<Dossier, ApiError, OpenDossier>({
    mutationFn: (body) => post<Dossier>(counterPaths.open, body),
  })

/** Base64 of the counter portrait (JPEG) and of the ISO/IEC 19794-2 record. */
export const useCaptureBiometrics = (id: string) =>
  useMutation<Dossier, ApiError, { portrait: string; fingerprints: string }>({
    mutationFn: (body) => post<Dossier>(counterPaths.step(id, 'biometrics'), body),
  })

export const useConfirmDossier = (id: string) =>
  useMutation<Dossier, ApiError, void>({
    mutationFn: () => post<Dossier>(counterPaths.step(id, 'confirm'), { citizenSigned: true }),
  })

export const useCancelDossier = (id: string) =>
  useMutation<Dossier, ApiError, void>({
    mutationFn: () => post<Dossier>(counterPaths.step(id, 'cancel'), {}),
  })

// Every read is audited on the server: no background refetching.
export const useDossier = (id: string) =>
  useQuery<DossierDetail, ApiError>({
    queryKey: dossierKey(id),
    queryFn: ({ signal }) => apiGet<DossierDetail>(counterPaths.dossier(id), { signal }),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  })

export const useQueue = (page: number, pageSize: number) =>
  useQuery<Page<Dossier>, ApiError>({
    queryKey: ['counter', 'queue', page, pageSize],
    queryFn: ({ signal }) => apiGet<Page<Dossier>>(counterPaths.queue(page, pageSize), { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  })

export type Decision =
  | { decision: 'approve' }
  | { decision: 'reject'; reason: RejectionReason; note?: string }

/** Approve or reject; the dossier (and its trail) is read again afterwards so the page shows the decision. */
export const useDecideDossier = (id: string) => {
  const client = useQueryClient()
  return useMutation<Dossier, ApiError, Decision>({
    mutationFn: (d) =>
      d.decision === 'approve'
        ? post<Dossier>(counterPaths.step(id, 'approve'), {})
        : post<Dossier>(counterPaths.step(id, 'reject'), {
            reason: d.reason,
            ...(d.note ? { note: d.note } : {}),
          }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: dossierKey(id) })
      void client.invalidateQueries({ queryKey: ['counter', 'queue'] })
    },
  })
}
