import { type Adapter, type ClientMetadata, errors } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { MACHINE_SCOPES } from './client-credentials.js'
import { clientRowOnce } from './clients.lookup.js'
import { fapi2ClientMetadata } from './clients.profile.js'
import type { ClientRow } from './oidc.table.js'
import { providerRedirectUris } from './try-login.js'

/** A registered relying party as oidc-provider reads it: the baseline is fixed here, fapi2 adds to it. */
export const toClientMetadata = (r: ClientRow, redirectUris: string[] = r.redirect_uris): ClientMetadata => ({
  client_id: r.client_id,
  client_name: r.name,
  application_type: 'web',
  redirect_uris: redirectUris,
  post_logout_redirect_uris: r.post_logout_redirect_uris,
  // Logout tokens carry the session (sid), so a relying party can end just that session.
  ...(r.backchannel_logout_uri
    ? { backchannel_logout_uri: r.backchannel_logout_uri, backchannel_logout_session_required: true }
    : {}),
  response_types: ['code'],
  grant_types: [
    'authorization_code',
    ...(r.scopes.includes('offline_access') ? ['refresh_token'] : []),
    // Machine tokens only for a client registered for them: anyone else gets unauthorized_client.
    ...(r.client_credentials ? ['client_credentials'] : []),
  ],
  // A client registered for client credentials may also ask for the machine scopes, at the token endpoint only.
  scope: [...r.scopes, ...(r.client_credentials ? MACHINE_SCOPES : [])].join(' '),
  subject_type: 'pairwise',
  // oidc-provider asks a pairwise client whose redirect URIs are on several hosts (a sandbox client and the
  // console's try-a-login page) for a sector_identifier_uri. Subjects come from the registered sector
  // (pairwiseIdentifier), so this URI only names it, on a reserved domain; it is never fetched.
  ...(new Set(redirectUris.map((u) => new URL(u).host)).size > 1
    ? { sector_identifier_uri: `https://sector.invalid/${encodeURIComponent(r.sector)}` }
    : {}),
  id_token_signed_response_alg: 'ES256',
  token_endpoint_auth_method: r.auth_method,
  // The stored hash stands in for the secret: compareClientSecret (oidc.provider.ts) hashes what is presented.
  ...(r.secret_hash ? { client_secret: r.secret_hash } : {}),
  ...(r.jwks ? { jwks: r.jwks } : {}),
  // Read by features.fapi.profile (oidc.configuration.ts); PAR and DPoP are then required of this client.
  profile: r.profile,
  ...(r.profile === 'fapi2' ? fapi2ClientMetadata(r.jwks) : {}),
})

const registeredElsewhere = async (): Promise<undefined> => {
  throw new Error('relying parties are registered with `dinhdanh clients add`, not through the provider')
}

/**
 * Clients come from oidc_client through the client cache, which forgets a row when the database announces
 * its change, so that a suspension takes effect at once; a suspended client gets a clear invalid_client
 * error wherever it shows up.
 */
export const clientAdapter = (deps: Pick<Deps, 'db' | 'config' | 'notifications'>): Adapter => {
  // Sandbox clients also get the console's try-a-login redirect URI (try-login.ts).
  const redirectUrisOf = providerRedirectUris(deps)
  return {
    async find(id) {
      const row = await clientRowOnce(deps, id)
      if (!row) return undefined
      if (row.status === 'suspended')
        throw new errors.InvalidClient('this relying party is suspended from the e-ID system')
      return toClientMetadata(row, await redirectUrisOf(row.client_id, row.redirect_uris))
    },
    upsert: registeredElsewhere,
    findByUid: registeredElsewhere,
    findByUserCode: registeredElsewhere,
    consume: registeredElsewhere,
    destroy: registeredElsewhere,
    revokeByGrantId: registeredElsewhere,
  }
}
