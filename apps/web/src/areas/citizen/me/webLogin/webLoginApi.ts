import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet } from '../../../../api'
import { sessionSend } from '../../accountsApi'

// ---- Mirrors of the server's JSON (docs/accounts.md "Account settings", docs/oidc.md "QR login") ----

export type AccountSettings = { webQrLogin: boolean; webQrLoginAvailable: boolean }

/** A browser's login request as the app shows it before the holder decides. */
export type WebLoginRequest = {
  clientName: string
  purpose: string | null
  browser: string
  ip: string
  createdAt: string
  expiresAt: string
}
export type WebLoginDecision = WebLoginRequest & { decision: 'approved' | 'refused' }

const settingsKey = ['accounts', 'me', 'settings'] as const
const paths = {
  settings: '/api/v1/me/settings',
  webQrLogin: '/api/v1/me/settings/web-qr-login',
  qr: (step: 'inspect' | 'approve' | 'refuse') => `/api/v1/me/qr-login/${step}`,
}

export const useSettings = () =>
  useQuery<AccountSettings, ApiError>({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiGet<AccountSettings>(paths.settings, { signal }),
    retry: false,
  })

export const useSetWebQrLogin = () => {
  const client = useQueryClient()
  return useMutation<AccountSettings, ApiError, boolean>({
    mutationFn: (enabled) => sessionSend<AccountSettings>('POST', paths.webQrLogin, { enabled }),
    onSuccess: (settings) => client.setQueryData(settingsKey, settings),
  })
}

export const useInspectWebLogin = () =>
  useMutation<WebLoginRequest, ApiError, string>({
    mutationFn: (code) => sessionSend<WebLoginRequest>('POST', paths.qr('inspect'), { code }),
  })

export const useDecideWebLogin = () =>
  useMutation<WebLoginDecision, ApiError, { code: string; decision: 'approve' | 'refuse' }>({
    mutationFn: ({ code, decision }) => sessionSend<WebLoginDecision>('POST', paths.qr(decision), { code }),
  })

/** The code as scanned (dinhdanh-login:…) or typed, in the server's alphabet; null when it cannot be one. */
export const loginCodeOf = (text: string): string | null => {
  const trimmed = text.trim()
  const bare = trimmed.toLowerCase().startsWith('dinhdanh-login:') ? trimmed.slice(15) : trimmed
  const code = bare.replace(/[\s-]/g, '').toUpperCase()
  return /^[2-9A-HJ-NP-Z]{10}$/.test(code) ? code : null
}
