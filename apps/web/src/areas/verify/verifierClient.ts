// The verifier's own registered client (client_credentials grant, scope share_redeem), used from this tab
// only: the id and secret live in sessionStorage, never sent anywhere but the provider's token endpoint.

export type VerifierCredentials = {
  clientId: string
  secret: string
  authMethod: 'client_secret_basic' | 'client_secret_post'
}

const STORAGE_KEY = 'dinhdanh.verify.client'

export const readVerifierCredentials = (): VerifierCredentials | null => {
  try {
    const v = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<VerifierCredentials> | null
    if (!v || typeof v.clientId !== 'string' || typeof v.secret !== 'string' || !v.clientId || !v.secret)
      return null
    return {
      clientId: v.clientId,
      secret: v.secret,
      authMethod: v.authMethod === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
    }
  } catch {
    return null
  }
}

export const saveVerifierCredentials = (c: VerifierCredentials) => {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(c))
  cachedToken = null
}

export const forgetVerifierCredentials = () => {
  sessionStorage.removeItem(STORAGE_KEY)
  cachedToken = null
}

/** A failure with the code the server (or the provider) gave, so the page can show it as is. */
export class VerifierError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'VerifierError'
  }
}

const readBody = async (res: Response) => (await res.json().catch(() => ({}))) as Record<string, unknown>

// One token per tab, reused until a minute before it expires.
let cachedToken: { clientId: string; token: string; expiresAt: number } | null = null

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they go into the Basic header. */
export const basicAuthorization = (clientId: string, secret: string) =>
  `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`)}`

const accessToken = async (c: VerifierCredentials): Promise<string> => {
  if (cachedToken && cachedToken.clientId === c.clientId && cachedToken.expiresAt > Date.now() + 60_000)
    return cachedToken.token
  const discovery = await readBody(await fetch('/.well-known/openid-configuration'))
  const tokenEndpoint = typeof discovery.token_endpoint === 'string' ? discovery.token_endpoint : null
  if (!tokenEndpoint) throw new VerifierError('oidc.DISCOVERY', 'The provider has no token endpoint', 0)
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'share_redeem' })
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  if (c.authMethod === 'client_secret_post') {
    form.set('client_id', c.clientId)
    form.set('client_secret', c.secret)
  } else headers.authorization = basicAuthorization(c.clientId, c.secret)
  // No cookies: a wrong secret must not bring up the browser's own login dialog either.
  const res = await fetch(tokenEndpoint, { method: 'POST', headers, body: form, credentials: 'omit' })
  const body = await readBody(res)
  if (!res.ok || typeof body.access_token !== 'string')
    throw new VerifierError(
      `oauth.${typeof body.error === 'string' ? body.error : res.status}`,
      typeof body.error_description === 'string' ? body.error_description : `HTTP ${res.status}`,
      res.status,
    )
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 300
  cachedToken = { clientId: c.clientId, token: body.access_token, expiresAt: Date.now() + expiresIn * 1000 }
  return body.access_token
}

/** A POST to a verifier API with the client's machine token; the server's { code, message } on failure. */
export const verifierPost = async <T>(c: VerifierCredentials, path: string, body: unknown): Promise<T> => {
  const token = await accessToken(c)
  const res = await fetch(path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
    credentials: 'omit',
  })
  const json = await readBody(res)
  if (!res.ok) {
    if (res.status === 401) cachedToken = null
    throw new VerifierError(
      typeof json.code === 'string' ? json.code : `http.${res.status}`,
      typeof json.message === 'string' ? json.message : res.statusText,
      res.status,
    )
  }
  return json as T
}

export const verifierPaths = {
  redeem: '/api/v1/verifier/shares/redeem',
  cardQr: '/api/v1/verifier/card-qr',
  seen: '/api/v1/verifier/presentations/seen',
}
