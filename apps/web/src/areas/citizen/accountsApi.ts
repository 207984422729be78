import { useMutation, useQuery } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost } from '../../api'

// ---- Mirrors of the accounts module's JSON (docs/accounts.md) ----

export type DossierState = 'submitted' | 'pending_verification' | 'approved' | 'rejected'
export const REJECTION_REASONS = [
  'DECLARED_DATA_MISMATCH',
  'NOT_ELIGIBLE',
  'FACE_MISMATCH',
  'SELFIE_UNUSABLE',
  'NO_PORTRAIT_ON_RECORD',
  'ACCOUNT_EXISTS',
] as const
export type RejectionReason = (typeof REJECTION_REASONS)[number]

export type Level1Application = {
  personalId: string
  fullName: string
  /** 'YYYY-MM-DD'. */
  dateOfBirth: string
  phone: string
  email?: string
  /** Base64 JPEG/PNG/WebP without the data: prefix. */
  selfie: string
}

export type Receipt = { dossierId: string; state: 'submitted'; receivedOn: string; dueOn: string }

export type DossierStatus = {
  dossierId: string
  state: DossierState
  receivedOn: string
  dueOn: string
  reason: string | null
  decidedAt: string | null
}

export type ActivationStart = { personalId: string; phone: string }
export type SecurityAnswer = { questionId: string; answer: string }
export type ActivationFinish = ActivationStart & {
  code: string
  password: string
  passcode: string
  securityQuestions: SecurityAnswer[]
}
export type Activated = { username: string; level: number; status: 'active' }

/** One broken rule as the server words it (`details.failures` of accounts.CREDENTIALS_REJECTED). */
export type RuleFailure = { code: string; vi: string; en: string }

export const accountsPaths = {
  registrations: '/api/v1/accounts/registrations',
  registration: (id: string) => `/api/v1/accounts/registrations/${encodeURIComponent(id)}`,
  activationStart: '/api/v1/accounts/activation/start',
  activationFinish: '/api/v1/accounts/activation/finish',
}

export const isDecided = (state: DossierState) => state === 'approved' || state === 'rejected'

// The applicant waits for a working-day decision; every 5 s is gentle and still feels live.
const POLL_MS = 5_000

export const useRegister = () =>
  useMutation<Receipt, ApiError, Level1Application>({
    mutationFn: (application) => apiPost<Receipt>(accountsPaths.registrations, application),
  })

export const useDossierStatus = (dossierId: string, opts: { poll: boolean }) =>
  useQuery<DossierStatus, ApiError>({
    queryKey: ['accounts', 'registration', dossierId],
    queryFn: ({ signal }) => apiGet<DossierStatus>(accountsPaths.registration(dossierId), { signal }),
    enabled: dossierId !== '',
    refetchInterval: (query) => {
      const state = query.state.data?.state
      return opts.poll && (!state || !isDecided(state)) ? POLL_MS : false
    },
    retry: (count, error) => !(error.status >= 400 && error.status < 500) && count < 2,
  })

export const useStartActivation = () =>
  useMutation<{ sent: true }, ApiError, ActivationStart>({
    mutationFn: (start) => apiPost<{ sent: true }>(accountsPaths.activationStart, start),
  })

export const useFinishActivation = () =>
  useMutation<Activated, ApiError, ActivationFinish>({
    mutationFn: (finish) => apiPost<Activated>(accountsPaths.activationFinish, finish),
  })

/** The server's rule failures carried by an error, if any (malformed entries are dropped). */
export const ruleFailuresOf = (error: ApiError): RuleFailure[] => {
  const failures = error.details?.failures
  if (!Array.isArray(failures)) return []
  return failures.filter(
    (f): f is RuleFailure =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as RuleFailure).code === 'string' &&
      typeof (f as RuleFailure).vi === 'string' &&
      typeof (f as RuleFailure).en === 'string',
  )
}
