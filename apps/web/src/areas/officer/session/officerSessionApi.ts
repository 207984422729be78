import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost, officerCsrfHeaders } from '../../../api'

export type OfficerUnit = { code: string; name: string; level: string; provinceCode: string | null }

/** The logged-in officer, as GET /api/v1/officer/me answers. */
export type CurrentOfficer = {
  id: string
  officerNumber: string
  fullName: string
  roles: string[]
  permissions: string[]
  unit: OfficerUnit
  sessionExpiresAt: string
}

export type TotpRequired = { status: 'totp_required'; challengeId: string; expiresAt: string }
/** No authenticator yet: the one-time password opened a session that can only do the first-login steps. */
export type FirstLoginStarted = { status: 'first_login'; stage: 'password_change'; expiresAt: string }
export type PasswordAnswer = TotpRequired | FirstLoginStarted

export const officerAuthPaths = {
  me: '/api/v1/officer/me',
  login: '/api/v1/officer/auth/login',
  totp: '/api/v1/officer/auth/login/totp',
  logout: '/api/v1/officer/auth/logout',
}

export const meKey = ['officer', 'me'] as const

/** The codes /me answers for a first-login session: the portal sends the officer to the first-login page. */
export const FIRST_LOGIN_CODES: readonly string[] = [
  'officers.PASSWORD_CHANGE_REQUIRED',
  'officers.TOTP_ENROLMENT_REQUIRED',
]

export const useOfficerMe = () =>
  useQuery<CurrentOfficer, ApiError>({
    queryKey: meKey,
    queryFn: ({ signal }) => apiGet<CurrentOfficer>(officerAuthPaths.me, { signal }),
    retry: false,
    staleTime: 60_000,
  })

export const useOfficerPassword = () =>
  useMutation<PasswordAnswer, ApiError, { officerNumber: string; password: string }>({
    mutationFn: (body) => apiPost<PasswordAnswer>(officerAuthPaths.login, body),
  })

export type SignedIn = {
  status: 'signed_in'
  officer: Omit<CurrentOfficer, 'sessionExpiresAt'>
  expiresAt: string
}
type TotpAnswer = SignedIn | { status: 'password_change_required'; expiresAt: string }

/** The answer of a step that opened a full session is the officer: the guard sees it at once. */
export const useSignedIn = () => {
  const client = useQueryClient()
  return (out: SignedIn) =>
    client.setQueryData<CurrentOfficer>(meKey, { ...out.officer, sessionExpiresAt: out.expiresAt })
}

export const useOfficerTotp = () => {
  const signedIn = useSignedIn()
  const client = useQueryClient()
  return useMutation<TotpAnswer, ApiError, { challengeId: string; code: string }>({
    mutationFn: (body) => apiPost<TotpAnswer>(officerAuthPaths.totp, body),
    onSuccess: (out) =>
      out.status === 'signed_in' ? signedIn(out) : client.removeQueries({ queryKey: meKey }),
  })
}

/** Ends the session; every cached officer read (registry, biometrics) goes with it. */
export const useOfficerLogout = () => {
  const client = useQueryClient()
  return useMutation<unknown, ApiError, void>({
    mutationFn: () => apiPost<unknown>(officerAuthPaths.logout, {}, { headers: officerCsrfHeaders() }),
    onSettled: () => {
      client.removeQueries({ queryKey: ['registry'] })
      client.removeQueries({ queryKey: ['biometrics'] })
      client.removeQueries({ queryKey: ['officerAdmin'] })
      client.removeQueries({ queryKey: ['firstLogin'] })
      client.removeQueries({ queryKey: meKey })
    },
  })
}
