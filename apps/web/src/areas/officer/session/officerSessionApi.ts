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

export const officerAuthPaths = {
  me: '/api/v1/officer/me',
  login: '/api/v1/officer/auth/login',
  totp: '/api/v1/officer/auth/login/totp',
  logout: '/api/v1/officer/auth/logout',
}

const meKey = ['officer', 'me'] as const

export const useOfficerMe = () =>
  useQuery<CurrentOfficer, ApiError>({
    queryKey: meKey,
    queryFn: ({ signal }) => apiGet<CurrentOfficer>(officerAuthPaths.me, { signal }),
    retry: false,
    staleTime: 60_000,
  })

export const useOfficerPassword = () =>
  useMutation<TotpRequired, ApiError, { officerNumber: string; password: string }>({
    mutationFn: (body) => apiPost<TotpRequired>(officerAuthPaths.login, body),
  })

type SignedIn = { status: 'signed_in'; officer: Omit<CurrentOfficer, 'sessionExpiresAt'>; expiresAt: string }

export const useOfficerTotp = () => {
  const client = useQueryClient()
  return useMutation<SignedIn, ApiError, { challengeId: string; code: string }>({
    mutationFn: (body) => apiPost<SignedIn>(officerAuthPaths.totp, body),
    // The answer is the officer: the guard sees the session at once, not the 401 of before the login.
    onSuccess: (out) =>
      client.setQueryData<CurrentOfficer>(meKey, { ...out.officer, sessionExpiresAt: out.expiresAt }),
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
      client.removeQueries({ queryKey: meKey })
    },
  })
}
