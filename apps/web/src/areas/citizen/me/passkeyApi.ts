import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, apiGet, apiPost } from '../../../api'
import { type SignedIn, sessionSend } from '../accountsApi'
import { meKeys } from './meApi'

// ---- Mirrors of the passkey and step-up routes (docs/accounts.md, "Passkeys and step-up") ----

export type Passkey = {
  id: string
  name: string
  synced: boolean
  createdAt: string
  lastUsedAt: string | null
}
type Options<T> = { challengeId: string; options: T }
export type SteppedUp = { method: string; validUntil: string }

export const passkeyPaths = {
  mine: '/api/v1/me/passkeys',
  one: (id: string) => `/api/v1/me/passkeys/${encodeURIComponent(id)}`,
  registerOptions: '/api/v1/me/passkeys/options',
  loginOptions: '/api/v1/auth/passkey/options',
  login: '/api/v1/auth/passkey/login',
  stepUpPasscode: '/api/v1/auth/step-up/passcode',
  stepUpOptions: '/api/v1/auth/step-up/passkey/options',
  stepUp: '/api/v1/auth/step-up/passkey',
}

const passkeysKey = [...meKeys.all, 'passkeys'] as const

// The browser's own refusals (the holder cancelled, the key is already here) become coded errors too.
const ceremony = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run()
  } catch (e) {
    if (e instanceof ApiError) throw e
    const name = e instanceof Error ? e.name : ''
    if (name === 'NotAllowedError' || name === 'AbortError')
      throw new ApiError('webauthn.NOT_ALLOWED', String(e), 0)
    if (name === 'InvalidStateError') throw new ApiError('webauthn.ALREADY_REGISTERED', String(e), 0)
    throw new ApiError('webauthn.FAILED', e instanceof Error ? e.message : String(e), 0)
  }
}

export const usePasskeys = () =>
  useQuery<Passkey[], ApiError>({
    queryKey: passkeysKey,
    queryFn: ({ signal }) => apiGet<Passkey[]>(passkeyPaths.mine, { signal }),
    retry: false,
  })

/** Adds a passkey of this device: the server's options, the device's ceremony, the server's check. */
export const useAddPasskey = () => {
  const client = useQueryClient()
  return useMutation<Passkey, ApiError, void>({
    mutationFn: () =>
      ceremony(async () => {
        const { challengeId, options } = await sessionSend<Options<PublicKeyCredentialCreationOptionsJSON>>(
          'POST',
          passkeyPaths.registerOptions,
        )
        const response: RegistrationResponseJSON = await startRegistration({ optionsJSON: options })
        return sessionSend<Passkey>('POST', passkeyPaths.mine, { challengeId, response })
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: passkeysKey }),
  })
}

export const useRemovePasskey = () => {
  const client = useQueryClient()
  return useMutation<{ removed: string }, ApiError, string>({
    mutationFn: (id) => sessionSend<{ removed: string }>('DELETE', passkeyPaths.one(id)),
    onSettled: () => void client.invalidateQueries({ queryKey: passkeysKey }),
  })
}

/** Logs in with a passkey on this device: no ID number to type, no code by SMS. */
export const usePasskeyLogin = () =>
  useMutation<SignedIn, ApiError, void>({
    mutationFn: () =>
      ceremony(async () => {
        const { challengeId, options } = await apiPost<Options<PublicKeyCredentialRequestOptionsJSON>>(
          passkeyPaths.loginOptions,
          {},
        )
        const response: AuthenticationResponseJSON = await startAuthentication({ optionsJSON: options })
        return apiPost<SignedIn>(passkeyPaths.login, { challengeId, response })
      }),
  })

export const useStepUpWithPasscode = () =>
  useMutation<SteppedUp, ApiError, string>({
    mutationFn: (passcode) => sessionSend<SteppedUp>('POST', passkeyPaths.stepUpPasscode, { passcode }),
  })

export const useStepUpWithPasskey = () =>
  useMutation<SteppedUp, ApiError, void>({
    mutationFn: () =>
      ceremony(async () => {
        const { challengeId, options } = await sessionSend<Options<PublicKeyCredentialRequestOptionsJSON>>(
          'POST',
          passkeyPaths.stepUpOptions,
        )
        const response = await startAuthentication({ optionsJSON: options })
        return sessionSend<SteppedUp>('POST', passkeyPaths.stepUp, { challengeId, response })
      }),
  })
