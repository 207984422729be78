import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ApiError, apiGet } from '../../api'
import { sessionSend } from '../citizen/accountsApi'

// Mirrors of the server's JSON (apps/server/src/modules/oidc/onboarding.view.ts, onboarding.service.ts).

export type ApplicationState = 'submitted' | 'agreement_recorded' | 'approved' | 'refused' | 'withdrawn'

export type Application = {
  id: string
  kind: 'production' | 'sandbox'
  state: ApplicationState
  applicant: string
  organisation: { name: string; code: string }
  contact: { name: string; email: string; phone: string }
  service: { name: string; purpose: string }
  scopes: string[]
  minLevel: number
  securityLevel: number | null
  redirectUris: string[]
  authMethod: string
  profile: 'baseline' | 'fapi2'
  /** A representative may sign in for a child or ward they represent (oidc_client.allow_dependents). */
  allowDependents: boolean
  agreement: { number: string; signedOn: string; recordedBy: string | null; recordedAt: string | null } | null
  submittedOn: string
  dueOn: string
  overdue: boolean
  decidedBy: string | null
  decidedAt: string | null
  refusalReason: string | null
  clientId: string | null
  clientStatus: 'active' | 'suspended' | null
  /** The client's own flag, which the management agency may change after approval; null before approval. */
  clientAllowDependents: boolean | null
  credentialsCollected: boolean
}

export type Credentials = { client_id: string; client_secret?: string; issuer: string; discovery: string }

export type ConsoleConfig = {
  sandbox: boolean
  sandboxLimit: number
  scopes: string[]
  appraisalDays: number
  /** Sandbox only: the try-a-login redirect URI every test client has (try/). */
  tryLoginRedirectUri: string | null
}

export type NewApplication = {
  organisation: { name: string; code: string }
  contact: { name: string; email: string; phone: string }
  service: { name: string; purpose: string }
  scopes: string[]
  minLevel: number
  securityLevel: number
  redirectUris: string[]
  authMethod: string
  jwks?: unknown
  profile: 'baseline' | 'fapi2'
  allowDependents: boolean
  agreement?: { number: string; signedOn: string }
}

export type NewSandboxClient = { name: string; scopes: string[]; minLevel: number; redirectUris: string[] }

const BASE = '/api/v1/developers'
const keys = { config: ['developers', 'config'] as const, mine: ['developers', 'applications'] as const }

export const useConsoleConfig = () =>
  useQuery<ConsoleConfig, ApiError>({
    queryKey: keys.config,
    queryFn: ({ signal }) => apiGet<ConsoleConfig>(`${BASE}/config`, { signal }),
  })

export const useMyApplications = () =>
  useQuery<{ items: Application[] }, ApiError>({
    queryKey: keys.mine,
    queryFn: ({ signal }) => apiGet<{ items: Application[] }>(`${BASE}/applications`, { signal }),
  })

const useSend = <In, Out>(send: (input: In) => Promise<Out>) => {
  const client = useQueryClient()
  return useMutation<Out, ApiError, In>({
    mutationFn: send,
    onSettled: () => void client.invalidateQueries({ queryKey: keys.mine }),
  })
}

export const useApply = () =>
  useSend((a: NewApplication) => sessionSend<Application>('POST', `${BASE}/applications`, a))
export const useWithdraw = () =>
  useSend((id: string) => sessionSend<Application>('POST', `${BASE}/applications/${id}/withdraw`))
/** The credentials once (the first time), or a fresh secret (rotate). */
export const useCredentials = () =>
  useSend(({ id, rotate }: { id: string; rotate: boolean }) =>
    sessionSend<Credentials>('POST', `${BASE}/applications/${id}/${rotate ? 'secret' : 'credentials'}`),
  )
/** New public keys for a private_key_jwt client. */
export const useReplaceKeys = () =>
  useSend(({ id, jwks }: { id: string; jwks: unknown }) =>
    sessionSend<Credentials>('POST', `${BASE}/applications/${id}/jwks`, { jwks }),
  )
export const useSandboxClient = () =>
  useSend((c: NewSandboxClient) =>
    sessionSend<{ application: Application; credentials: Credentials }>('POST', `${BASE}/sandbox-clients`, c),
  )
