import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

// ---- Response shapes (mirrors of the server's JSON) ----

export type Gender = 'male' | 'female'
export type LifeStatus = 'alive' | 'deceased'
export type CardKind = 'CCCD_CHIP' | 'CAN_CUOC_2024'

export type IdCard = {
  number: string
  kind: CardKind
  issuedOn: string
  expiresOn: string | null
  authority: string
  status: string
}

export type Relative = { relation: string; personalId: string | null; fullName: string }

export type Person = {
  personalId: string
  fullName: string
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': partial dates are common in the registry. */
  dateOfBirth: string
  gender: Gender
  nationality: string
  ethnicity: string
  religion: string
  placeOfBirth: string
  hometown: string
  permanentAddress: string
  temporaryAddress: string | null
  status: LifeStatus
  cards: IdCard[]
  oldIdNumbers: string[]
  relatives: Relative[]
}

/** One search hit; only the first four fields are guaranteed. */
export type PersonSummary = Pick<Person, 'personalId' | 'fullName' | 'dateOfBirth' | 'gender'> &
  Partial<Pick<Person, 'status' | 'permanentAddress' | 'placeOfBirth' | 'hometown'>>

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number }

export type PersonSearch = { name: string; dob: string; province?: string; page: number; pageSize: number }

export type Health = { status: 'ok' }

export type Check = { ok: boolean; detail?: string }
export type Readiness = {
  status: 'ready' | 'not_ready'
  checks: {
    database: Check & { engine: string }
    migrations: Check & { applied?: number; pending?: string[] }
  }
}

// ---- Biometrics (officer checks; the officer's session cookie identifies the caller) ----

export type BiometricUse = 'counter_capture' | 'app_selfie' | 'payment'
export type BiometricDecision = 'match' | 'no_match' | 'quality_rejected' | 'spoof_suspected'
export type ReviewOutcome = 'confirmed' | 'overturned'

export type FaceQuality = {
  /** Shorter side of the face box, in image pixels. */
  faceSize: number
  /** Laplacian variance of the face crop: low means blurred. */
  sharpness: number
  yaw: number
  pitch: number
  roll: number
  /** Eye aspect ratio of the more open eye (about 0.25-0.35 open); null when not measured. */
  eyeOpenness: number | null
  detectionScore: number
}

export type FaceVerification = {
  verificationId: string
  subjectId: string
  modality: 'face' | 'fingerprint'
  use: BiometricUse
  decision: BiometricDecision
  score: number | null
  threshold: number
  modelVersion: string
  quality?: FaceQuality
  liveness?: { antispoof: number | null; liveness: number | null }
}

export type VerificationReview = {
  verificationId: string
  subjectId: string
  modality: 'face' | 'fingerprint'
  use: string
  decision: string
  reasonCode: string | null
  score: number | null
  threshold: number
  modelVersion: string
  at: string
  actor: string
  purpose: string
  /** Data URLs; null when not kept (or after a review, whose answer omits them). */
  probeImage: string | null
  referenceImage: string | null
  review: { by: string; at: string; outcome: string; note: string | null } | null
}

// ---- Errors: always { code, message, details? } plus the HTTP status (0 when the server was not reached) ----

export type ApiErrorBody = { code: string; message: string; details?: Record<string, unknown> }

export class ApiError extends Error implements ApiErrorBody {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const isErrorBody = (value: unknown): value is ApiErrorBody =>
  isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string'

const readJson = async (res: Response): Promise<unknown> => {
  const text = await res.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

type RequestOptions = {
  signal?: AbortSignal
  /** Statuses whose body is a normal answer, not an error (e.g. 503 from /readyz). */
  acceptStatuses?: number[]
  /** Extra request headers (e.g. the session's x-csrf-token). */
  headers?: Record<string, string>
}

const request = async <T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: RequestOptions & { body?: unknown },
): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers,
      // The citizen session lives in same-site cookies; never send them anywhere else.
      credentials: 'same-origin',
      signal: options.signal ?? null,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError('network.UNREACHABLE', e instanceof Error ? e.message : String(e), 0)
  }
  const body = await readJson(res)
  if (res.ok || options.acceptStatuses?.includes(res.status)) {
    if (body === undefined)
      throw new ApiError('http.INVALID_BODY', `Unexpected response from ${path}`, res.status)
    return body as T
  }
  if (isErrorBody(body))
    throw new ApiError(body.code, body.message, res.status, isRecord(body.details) ? body.details : undefined)
  throw new ApiError(`http.${res.status}`, res.statusText || `HTTP ${res.status}`, res.status)
}

export const apiGet = <T>(path: string, options: RequestOptions = {}): Promise<T> =>
  request<T>('GET', path, options)

export const apiPost = <T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> =>
  request<T>('POST', path, { ...options, body })

export const apiDelete = <T>(path: string, options: RequestOptions = {}): Promise<T> =>
  request<T>('DELETE', path, options)

export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('client.UNKNOWN', String(error), 0)

// ---- Endpoints ----

export const registryPaths = {
  person: (personalId: string) => `/api/v1/registry/persons/${encodeURIComponent(personalId)}`,
  search: (q: PersonSearch) => {
    const params = new URLSearchParams({ name: q.name, dob: q.dob })
    if (q.province) params.set('province', q.province)
    params.set('page', String(q.page))
    params.set('pageSize', String(q.pageSize))
    return `/api/v1/registry/persons?${params.toString()}`
  },
}

export const biometricsPaths = {
  verifyFace: '/api/v1/biometrics/faces/verify',
  verification: (id: string) => `/api/v1/biometrics/verifications/${encodeURIComponent(id)}`,
  review: (id: string) => `/api/v1/biometrics/verifications/${encodeURIComponent(id)}/review`,
}

// The officer session's CSRF token (cookie dd_officer_csrf), echoed on every state-changing officer call.
const officerCsrfToken = () =>
  document.cookie
    .split('; ')
    .find((c) => c.startsWith('dd_officer_csrf='))
    ?.slice('dd_officer_csrf='.length) ?? ''

/** The x-csrf-token header of the officer's session, for POSTs of the officer portal. */
export const officerCsrfHeaders = () => ({ 'x-csrf-token': decodeURIComponent(officerCsrfToken()) })

const retryUnlessClientError = (failureCount: number, error: Error) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2

export const usePerson = (personalId: string) =>
  useQuery<Person, ApiError>({
    queryKey: ['registry', 'person', personalId],
    queryFn: ({ signal }) => apiGet<Person>(registryPaths.person(personalId), { signal }),
    enabled: personalId !== '',
    retry: retryUnlessClientError,
  })

export const usePersonSearch = (search: PersonSearch | null) =>
  useQuery<Page<PersonSummary>, ApiError>({
    queryKey: ['registry', 'search', search],
    queryFn: ({ signal }) =>
      search
        ? apiGet<Page<PersonSummary>>(registryPaths.search(search), { signal })
        : Promise.reject(new ApiError('client.NO_QUERY', 'No search', 0)),
    enabled: search !== null,
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  })

export const useHealth = () =>
  useQuery<Health, ApiError>({
    queryKey: ['platform', 'healthz'],
    queryFn: ({ signal }) => apiGet<Health>('/healthz', { signal }),
    refetchInterval: 15_000,
    retry: false,
  })

export const useReadiness = () =>
  useQuery<Readiness, ApiError>({
    queryKey: ['platform', 'readyz'],
    queryFn: ({ signal }) => apiGet<Readiness>('/readyz', { signal, acceptStatuses: [503] }),
    refetchInterval: 15_000,
    retry: false,
  })

export type FaceCheck = {
  subjectId: string
  use: BiometricUse /** Base64 without the data: prefix. */
  image: string
}

export const useVerifyFace = () =>
  useMutation<FaceVerification, ApiError, FaceCheck>({
    mutationFn: (check) =>
      apiPost<FaceVerification>(biometricsPaths.verifyFace, check, { headers: officerCsrfHeaders() }),
  })

// Every read is audited on the server: one key per verification so it is read once.
const verificationKey = (id: string) => ['biometrics', 'verification', id] as const

export const useVerification = (id: string) =>
  useQuery<VerificationReview, ApiError>({
    queryKey: verificationKey(id),
    queryFn: ({ signal }) => apiGet<VerificationReview>(biometricsPaths.verification(id), { signal }),
    enabled: id !== '',
    retry: retryUnlessClientError,
  })

export const useReviewVerification = (id: string) => {
  const client = useQueryClient()
  return useMutation<VerificationReview, ApiError, { outcome: ReviewOutcome; note?: string }>({
    mutationFn: (review) =>
      apiPost<VerificationReview>(biometricsPaths.review(id), review, { headers: officerCsrfHeaders() }),
    // The review's answer carries no images: keep the ones already shown.
    onSuccess: (reviewed) =>
      client.setQueryData<VerificationReview>(verificationKey(id), (old) => ({
        ...reviewed,
        probeImage: old?.probeImage ?? null,
        referenceImage: old?.referenceImage ?? null,
      })),
    onError: (error) => {
      if (error.code === 'biometrics.ALREADY_REVIEWED')
        void client.invalidateQueries({ queryKey: verificationKey(id) })
    },
  })
}
