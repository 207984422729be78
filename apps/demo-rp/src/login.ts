import * as client from 'openid-client'
import type { Connection } from './provider.js'
import { ACR, levelOf, type RelyingParty } from './relying-parties.js'
import type { LoggedIn, PendingLogin } from './sessions.js'

/** Why a login did not end with a citizen logged in: shown on the relying party's page. */
export type LoginFailure =
  | { kind: 'level_too_low'; required: number; got?: number }
  | { kind: 'cancelled' }
  | { kind: 'expired' }
  | { kind: 'provider_unreachable' }
  | { kind: 'provider_error'; error: string; description?: string }

export type LoginResult = { ok: true; user: LoggedIn } | { ok: false; failure: LoginFailure }

const callbackOf = (origin: URL) => new URL('/callback', origin).href

/**
 * The authorization request: code with PKCE S256, state and nonce; the bank's also asks for level 2 and,
 * with FAPI 2.0, is pushed (PAR) with a DPoP key that the tokens will be bound to.
 */
export const startLogin = async (
  rp: RelyingParty,
  origin: URL,
  c: Connection,
): Promise<{ url: URL; pending: PendingLogin }> => {
  const verifier = client.randomPKCECodeVerifier()
  const pending: PendingLogin = {
    verifier,
    state: client.randomState(),
    nonce: client.randomNonce(),
    profile: c.profile,
  }
  const params: Record<string, string> = {
    redirect_uri: callbackOf(origin),
    scope: rp.scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
    ui_locales: 'vi en',
    ...(rp.minLevel > 1 ? { acr_values: ACR[2] } : {}),
  }
  if (c.profile !== 'fapi2') return { url: client.buildAuthorizationUrl(c.config, params), pending }
  pending.dpop = await client.randomDPoPKeyPair('ES256')
  const DPoP = client.getDPoPHandle(c.config, pending.dpop)
  return { url: await client.buildAuthorizationUrlWithPAR(c.config, params, { DPoP }), pending }
}

// The provider's words (docs/oidc.md): "this service requires a level 2 e-ID account; this account is level 1".
const LEVEL_REFUSAL = /requires a level (\d)(?:.*this account is level (\d))?/

/** An error the provider answered with (authorization response, PAR or token endpoint), as a failure to show. */
export const failureOf = (err: unknown): LoginFailure => {
  if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError) {
    const [, required, got] = LEVEL_REFUSAL.exec(err.error_description ?? '') ?? []
    if (err.error === 'access_denied' && required)
      return { kind: 'level_too_low', required: Number(required), ...(got ? { got: Number(got) } : {}) }
    if (err.error === 'access_denied') return { kind: 'cancelled' }
    return {
      kind: 'provider_error',
      error: err.error,
      ...(err.error_description ? { description: err.error_description } : {}),
    }
  }
  throw err
}

/**
 * The callback: the code for tokens (state, nonce, PKCE and the ID token checked by openid-client), then
 * userinfo; the relying party checks the level itself too, whatever the provider was told.
 */
export const finishLogin = async (
  rp: RelyingParty,
  c: Connection,
  pending: PendingLogin | undefined,
  current: URL,
): Promise<LoginResult> => {
  if (!pending) return { ok: false, failure: { kind: 'expired' } }
  const DPoP = pending.dpop ? client.getDPoPHandle(c.config, pending.dpop) : undefined
  try {
    const tokens = await client.authorizationCodeGrant(
      c.config,
      current,
      { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce },
      undefined,
      DPoP ? { DPoP } : {},
    )
    const claims = tokens.claims()
    if (!claims || !tokens.id_token)
      return { ok: false, failure: { kind: 'provider_error', error: 'no_id_token' } }
    const got = levelOf(claims.acr)
    if (got < rp.minLevel)
      return { ok: false, failure: { kind: 'level_too_low', required: rp.minLevel, got } }
    const userinfo = await client.fetchUserInfo(
      c.config,
      tokens.access_token,
      claims.sub,
      DPoP ? { DPoP } : {},
    )
    return {
      ok: true,
      user: {
        idToken: tokens.id_token,
        claims,
        userinfo,
        profile: pending.profile,
        tokenType: tokens.token_type,
      },
    }
  } catch (err) {
    return { ok: false, failure: failureOf(err) }
  }
}

/** Where logout sends the browser: the provider's end_session_endpoint when it has one, else /logged-out. */
export const logoutUrl = (c: Connection | undefined, origin: URL, idToken: string | undefined): URL => {
  const home = new URL('/logged-out', origin)
  if (!c?.endSession || !idToken) return home
  return client.buildEndSessionUrl(c.config, { id_token_hint: idToken, post_logout_redirect_uri: home.href })
}
