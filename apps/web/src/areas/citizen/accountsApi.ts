import { useMutation, useQuery } from '@tanstack/react-query'
import { type ApiError, apiDelete, apiGet, apiPost } from '../../api'
import type { Application } from './register/registrationForm'

// ---- Mirrors of the accounts module's JSON (docs/accounts.md) ----

export type DossierState = 'submitted' | 'pending_verification' | 'approved' | 'rejected'
export const REJECTION_REASONS = [
  'DECLARED_DATA_MISMATCH',
  'NOT_ELIGIBLE',
  'PHONE_NOT_OWN_NAME',
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

/** A foreigner with a Vietnamese residence card (D69 Art 11(1)). */
export type ForeignerLevel1Application = {
  passportNumber: string
  /** ISO 3166-1 alpha-2. */
  nationality: string
  residenceCardNumber: string
  fullName: string
  /** 'YYYY-MM-DD'. */
  dateOfBirth: string
  phone: string
  email?: string
  selfie: string
}

export type Receipt = { dossierId: string; state: 'submitted'; receivedOn: string; dueOn: string }

export type DossierStatus = {
  dossierId: string
  kind: 'CITIZEN_L1_APP' | 'FOREIGNER_L1_APP'
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

export type SignedIn = {
  status: 'signed_in'
  account: { username: string; level: number }
  expiresAt: string
  endedElsewhere: number
}
export type CodeRequired = {
  status: 'code_required'
  challengeId: string
  phoneHint: string
  expiresAt: string
}
export type Credentials = { username: string; password: string }

export type UnlockFinished = { status: 'active' | 'locked'; remainingLocks: number }

export type RecoveryStart = {
  personalId: string
  phone: string
  fullName: string
  /** 'YYYY-MM-DD'. */
  dateOfBirth: string
  /** A citizen's proof, 'YYYY-MM-DD'. */
  cardIssuedOn?: string
  /** A foreigner's proof: the passport and its nationality (ISO alpha-2). */
  passportNumber?: string
  nationality?: string
}
export type RecoveryFinish = {
  personalId: string
  phone: string
  code: string
  newPassword: string
  newPasscode?: string
}

export const accountsPaths = {
  registrations: '/api/v1/accounts/registrations',
  foreignerRegistrations: '/api/v1/accounts/registrations/foreigner',
  registration: (id: string) => `/api/v1/accounts/registrations/${encodeURIComponent(id)}`,
  activationStart: '/api/v1/accounts/activation/start',
  activationFinish: '/api/v1/accounts/activation/finish',
  login: '/api/v1/auth/login',
  loginVerify: '/api/v1/auth/login/verify',
  logout: '/api/v1/auth/logout',
  unlockStart: '/api/v1/accounts/unlock/start',
  unlockFinish: '/api/v1/accounts/unlock/finish',
  recoveryStart: '/api/v1/accounts/recovery/start',
  recoveryFinish: '/api/v1/accounts/recovery/finish',
  me: '/api/v1/me',
  sessions: '/api/v1/me/sessions',
  session: (id: string) => `/api/v1/me/sessions/${encodeURIComponent(id)}`,
  endOthers: '/api/v1/me/sessions/end-others',
  lockMe: '/api/v1/me/lock',
  phoneStart: '/api/v1/me/phone/start',
  phoneFinish: '/api/v1/me/phone/finish',
  dependents: '/api/v1/me/dependents',
  dependent: (personalId: string, act: 'card' | 'history' | 'lock' | 'unlock') =>
    `/api/v1/me/dependents/${encodeURIComponent(personalId)}/${act}`,
  history: (before: number | null, limit: number) =>
    `/api/v1/me/history?${new URLSearchParams({
      limit: String(limit),
      ...(before ? { before: String(before) } : {}),
    }).toString()}`,
}

// ---- Calls of a logged-in page: the server wants the session's CSRF token (cookie dd_csrf) echoed ----

const csrfToken = () =>
  document.cookie
    .split('; ')
    .find((c) => c.startsWith('dd_csrf='))
    ?.slice('dd_csrf='.length) ?? ''

/** A state-changing call of the logged-in app: POST (or DELETE) with the x-csrf-token header. */
export const sessionSend = <T>(method: 'POST' | 'DELETE', path: string, body: unknown = {}): Promise<T> => {
  const headers = { 'x-csrf-token': decodeURIComponent(csrfToken()) }
  return method === 'POST' ? apiPost<T>(path, body, { headers }) : apiDelete<T>(path, { headers })
}

export const isDecided = (state: DossierState) => state === 'approved' || state === 'rejected'

// The applicant waits for a working-day decision; every 5 s is gentle and still feels live.
const POLL_MS = 5_000

/** Files a citizen's or a foreigner's level-1 registration; both are answered with the same receipt. */
export const useRegister = () =>
  useMutation<Receipt, ApiError, Application>({
    mutationFn: (application) =>
      application.applicant === 'citizen'
        ? apiPost<Receipt>(accountsPaths.registrations, application.body)
        : apiPost<Receipt>(accountsPaths.foreignerRegistrations, application.body),
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

/** Log in, step 1: a known device is signed in at once, a new one gets a code by SMS. */
export const useLogin = () =>
  useMutation<SignedIn | CodeRequired, ApiError, Credentials>({
    mutationFn: (credentials) => apiPost<SignedIn | CodeRequired>(accountsPaths.login, credentials),
  })

export const useVerifyLogin = () =>
  useMutation<SignedIn, ApiError, { challengeId: string; code: string }>({
    mutationFn: (step) => apiPost<SignedIn>(accountsPaths.loginVerify, step),
  })

export const useStartUnlock = () =>
  useMutation<{ phoneHint: string }, ApiError, Credentials>({
    mutationFn: (credentials) => apiPost<{ phoneHint: string }>(accountsPaths.unlockStart, credentials),
  })

export const useFinishUnlock = () =>
  useMutation<UnlockFinished, ApiError, { username: string; code: string }>({
    mutationFn: (finish) => apiPost<UnlockFinished>(accountsPaths.unlockFinish, finish),
  })

export const useStartRecovery = () =>
  useMutation<{ sent: true }, ApiError, RecoveryStart>({
    mutationFn: (start) => apiPost<{ sent: true }>(accountsPaths.recoveryStart, start),
  })

export const useFinishRecovery = () =>
  useMutation<{ reset: true; sessionsEnded: number }, ApiError, RecoveryFinish>({
    mutationFn: (finish) =>
      apiPost<{ reset: true; sessionsEnded: number }>(accountsPaths.recoveryFinish, finish),
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
