import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet, apiPost, officerCsrfHeaders } from '../../../api'
import { type SignedIn, useSignedIn } from './officerSessionApi'

export type AuthenticatorOffer = { otpauthUri: string; qrDataUrl: string; secret: string }
export type FirstLoginStage = 'password_change' | 'totp_enrolment' | 'full'
export type FirstLoginState = {
  stage: FirstLoginStage
  authenticatorEnrolled: boolean
  officer: { officerNumber: string; fullName: string; unitName: string }
  authenticator: AuthenticatorOffer | null
}
type PasswordChosen =
  | { stage: 'totp_enrolment'; authenticator: AuthenticatorOffer }
  | (SignedIn & { stage: 'full' })

export const firstLoginPaths = {
  state: '/api/v1/officer/first-login',
  password: '/api/v1/officer/first-login/password',
  authenticator: '/api/v1/officer/first-login/authenticator',
  changePassword: '/api/v1/officer/me/password',
}

const stateKey = ['firstLogin'] as const

export const useFirstLogin = () =>
  useQuery<FirstLoginState, ApiError>({
    queryKey: stateKey,
    queryFn: ({ signal }) => apiGet<FirstLoginState>(firstLoginPaths.state, { signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })

/** The officer's own password: the authenticator is offered next, or (after a reset) the portal opens. */
export const useChooseFirstPassword = () => {
  const client = useQueryClient()
  const signedIn = useSignedIn()
  return useMutation<PasswordChosen, ApiError, string>({
    mutationFn: (newPassword) =>
      apiPost<PasswordChosen>(firstLoginPaths.password, { newPassword }, { headers: officerCsrfHeaders() }),
    onSuccess: (out) => {
      if (out.stage === 'full') return signedIn(out)
      client.setQueryData<FirstLoginState>(stateKey, (old) =>
        old ? { ...old, stage: out.stage, authenticator: out.authenticator } : old,
      )
    },
  })
}

export const useConfirmAuthenticator = () => {
  const signedIn = useSignedIn()
  return useMutation<SignedIn, ApiError, string>({
    mutationFn: (code) =>
      apiPost<SignedIn>(firstLoginPaths.authenticator, { code }, { headers: officerCsrfHeaders() }),
    onSuccess: signedIn,
  })
}

export const useChangeOwnPassword = () =>
  useMutation<
    { sessionsEnded: number },
    ApiError,
    { currentPassword: string; newPassword: string; code: string }
  >({
    mutationFn: (body) =>
      apiPost<{ sessionsEnded: number }>(firstLoginPaths.changePassword, body, {
        headers: officerCsrfHeaders(),
      }),
  })
