// "Try a login" from the developer console: a real authorization-code flow with PKCE, run in this tab
// against the platform's own provider (docs/onboarding.md, "Try a login").

export type Discovery = {
  issuer: string
  authorization_endpoint: string
  token_endpoint: string
  userinfo_endpoint: string
  jwks_uri: string
}

/** What the tab remembers between leaving for the provider and coming back (sessionStorage only). */
export type PendingLogin = {
  clientId: string
  authMethod: 'client_secret_basic' | 'client_secret_post'
  redirectUri: string
  verifier: string
  state: string
  nonce: string
  discovery: Discovery
}

/** The provider's own error (error, error_description), as the relying party receives it. */
export class ProviderError extends Error {
  constructor(
    readonly error: string,
    readonly description: string | null,
    readonly step: 'authorization' | 'token' | 'userinfo' | 'local',
  ) {
    super(description ? `${error}: ${description}` : error)
  }
}

export type Decoded = { header: Record<string, unknown>; claims: Record<string, unknown> }

export type TryResult = {
  clientId: string
  idToken: Decoded & { signatureValid: boolean }
  userinfo: Record<string, unknown>
  accessToken: { tokenType: string; expiresIn: number; expiresAt: Date; scope: string | null }
  checks: { iss: boolean; aud: boolean; nonce: boolean; notExpired: boolean }
}

const PENDING = 'dinhdanh.tryLogin.pending'
const SECRET = (clientId: string) => `dinhdanh.tryLogin.secret.${clientId}`

// Only this tab's storage: the secret never reaches the console's API, only the token endpoint.
export const rememberedSecret = (clientId: string) => sessionStorage.getItem(SECRET(clientId)) ?? ''
const rememberSecret = (clientId: string, secret: string) => sessionStorage.setItem(SECRET(clientId), secret)
export const forgetSecret = (clientId: string) => sessionStorage.removeItem(SECRET(clientId))

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
const fromBase64url = (s: string) =>
  Uint8Array.from(atob(s.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0))
const random = (n = 32) => base64url(crypto.getRandomValues(new Uint8Array(n)))

/** PKCE S256 (RFC 7636): the challenge is the verifier's SHA-256, base64url. */
export const pkceChallenge = async (verifier: string) =>
  base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))))

const json = async (res: Response, step: ProviderError['step']) => {
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>
  if (!res.ok)
    throw new ProviderError(
      typeof body.error === 'string' ? body.error : `HTTP ${res.status}`,
      typeof body.error_description === 'string' ? body.error_description : null,
      step,
    )
  return body
}

export const discover = async (): Promise<Discovery> =>
  (await json(await fetch('/.well-known/openid-configuration'), 'local')) as Discovery

/** Leaves for the provider's authorization endpoint, with PKCE, state and nonce remembered in this tab. */
export const startTryLogin = async (input: {
  clientId: string
  secret: string
  authMethod: PendingLogin['authMethod']
  redirectUri: string
  scopes: string[]
  acr: string | null
  promptLogin: boolean
}) => {
  const discovery = await discover()
  const pending: PendingLogin = {
    clientId: input.clientId,
    authMethod: input.authMethod,
    redirectUri: input.redirectUri,
    verifier: random(),
    state: random(16),
    nonce: random(16),
    discovery,
  }
  const url = new URL(discovery.authorization_endpoint)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    scope: input.scopes.join(' '),
    code_challenge: await pkceChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
    ...(input.acr ? { acr_values: input.acr } : {}),
    ...(input.promptLogin ? { prompt: 'login' } : {}),
  }).toString()
  rememberSecret(input.clientId, input.secret)
  sessionStorage.setItem(PENDING, JSON.stringify(pending))
  window.location.assign(url.href)
}

export const decodeJwt = (jwt: string): Decoded & { signingInput: string; signature: Uint8Array } => {
  const [h = '', p = '', s = ''] = jwt.split('.')
  const text = (part: string) => new TextDecoder().decode(fromBase64url(part))
  return {
    header: JSON.parse(text(h)) as Record<string, unknown>,
    claims: JSON.parse(text(p)) as Record<string, unknown>,
    signingInput: `${h}.${p}`,
    signature: fromBase64url(s),
  }
}

/** The ES256 signature checked with the provider's published key (Web Crypto takes JOSE's r||s as is). */
const verifyEs256 = async (jwksUri: string, token: ReturnType<typeof decodeJwt>) => {
  if (token.header.alg !== 'ES256') return false
  const { keys } = (await json(await fetch(jwksUri), 'local')) as { keys: (JsonWebKey & { kid?: string })[] }
  const jwk = keys.find((k) => k.kid === token.header.kid)
  if (!jwk) return false
  const key = await crypto.subtle.importKey(
    'jwk',
    { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  )
  const signature = new Uint8Array(token.signature)
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    signature,
    new TextEncoder().encode(token.signingInput),
  )
}

const clientAuth = (
  p: PendingLogin,
  secret: string,
): { headers: HeadersInit; body: Record<string, string> } =>
  p.authMethod === 'client_secret_post'
    ? { headers: {}, body: { client_id: p.clientId, client_secret: secret } }
    : {
        headers: {
          authorization: `Basic ${btoa(`${encodeURIComponent(p.clientId)}:${encodeURIComponent(secret)}`)}`,
        },
        body: {},
      }

/**
 * The callback: the provider's answer is checked (state, iss), the code exchanged at the token endpoint
 * with the verifier and the client's secret, the ID token decoded and checked, and userinfo asked.
 * The pending login is forgotten first: a code is good once, and a reload must not replay it.
 */
export const finishTryLogin = async (query: URLSearchParams, now: () => Date): Promise<TryResult> => {
  const saved = sessionStorage.getItem(PENDING)
  sessionStorage.removeItem(PENDING)
  if (!saved) throw new ProviderError('no_login_in_progress', null, 'local')
  const p = JSON.parse(saved) as PendingLogin
  const error = query.get('error')
  if (error) throw new ProviderError(error, query.get('error_description'), 'authorization')
  if (query.get('state') !== p.state) throw new ProviderError('state_mismatch', null, 'local')
  const iss = query.get('iss')
  if (iss !== null && iss !== p.discovery.issuer) throw new ProviderError('issuer_mismatch', iss, 'local')
  const auth = clientAuth(p, rememberedSecret(p.clientId))
  const tokens = await json(
    // No cookies, and so no browser login dialog: a wrong secret gets 401 with WWW-Authenticate: Basic.
    await fetch(p.discovery.token_endpoint, {
      method: 'POST',
      credentials: 'omit',
      headers: auth.headers,
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: query.get('code') ?? '',
        redirect_uri: p.redirectUri,
        code_verifier: p.verifier,
        ...auth.body,
      }),
    }),
    'token',
  )
  const accessToken = String(tokens.access_token ?? '')
  const idToken = decodeJwt(String(tokens.id_token ?? ''))
  const userinfo = await json(
    await fetch(p.discovery.userinfo_endpoint, {
      credentials: 'omit',
      headers: { authorization: `Bearer ${accessToken}` },
    }),
    'userinfo',
  )
  const at = now()
  const expiresIn = Number(tokens.expires_in ?? 0)
  const c = idToken.claims
  return {
    clientId: p.clientId,
    idToken: {
      header: idToken.header,
      claims: c,
      signatureValid: await verifyEs256(p.discovery.jwks_uri, idToken),
    },
    userinfo,
    accessToken: {
      tokenType: String(tokens.token_type ?? ''),
      expiresIn,
      expiresAt: new Date(at.getTime() + expiresIn * 1000),
      scope: typeof tokens.scope === 'string' ? tokens.scope : null,
    },
    checks: {
      iss: c.iss === p.discovery.issuer,
      aud: c.aud === p.clientId || (Array.isArray(c.aud) && c.aud.includes(p.clientId)),
      nonce: c.nonce === p.nonce,
      notExpired: typeof c.exp === 'number' && c.exp * 1000 > at.getTime(),
    },
  }
}
