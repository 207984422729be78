import * as client from 'openid-client'
import { bankSigningKey } from './bank-key.js'
import type { RelyingParty, RpProfile } from './relying-parties.js'

/** What this relying party found at the provider, and the profile it settled on. */
export type Connection = {
  config: client.Configuration
  /** `fapi2` only when the provider announces PAR, DPoP with ES256 and private_key_jwt. */
  profile: RpProfile
  /** Whether the provider offers RP-initiated logout (end_session_endpoint). */
  endSession: boolean
}

export type ProviderSettings = { issuer: URL; portalSecret: string }

/** FAPI 2.0 needs three things from the provider; without them the bank logs in with the baseline profile. */
export const offersFapi2 = (m: client.ServerMetadata) =>
  Boolean(m.pushed_authorization_request_endpoint) &&
  (m.dpop_signing_alg_values_supported ?? []).includes('ES256') &&
  (m.token_endpoint_auth_methods_supported ?? []).includes('private_key_jwt')

const discover = async (rp: RelyingParty, s: ProviderSettings): Promise<Connection> => {
  // Plain http is for the developer's own machine only (the provider allows it for loopback redirect URIs).
  const options = s.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}
  const auth =
    rp.key === 'bank'
      ? client.PrivateKeyJwt(await bankSigningKey())
      : client.ClientSecretBasic(s.portalSecret)
  const config = await client.discovery(s.issuer, rp.clientId, undefined, auth, options)
  const m = config.serverMetadata()
  return {
    config,
    profile: rp.profile === 'fapi2' && offersFapi2(m) ? 'fapi2' : 'baseline',
    endSession: Boolean(m.end_session_endpoint),
  }
}

// Discovery is cached a minute: the provider may start after the demo, or gain FAPI 2.0 or logout later.
const TTL_MS = 60_000

/** The provider as this relying party last found it; a failed discovery is not cached. */
export const providerConnection = (rp: RelyingParty, s: ProviderSettings) => {
  let cached: { at: number; connection: Promise<Connection> } | undefined
  return () => {
    if (!cached || Date.now() - cached.at > TTL_MS) {
      const connection = discover(rp, s)
      cached = { at: Date.now(), connection }
      connection.catch(() => {
        cached = undefined
      })
    }
    return cached.connection
  }
}
