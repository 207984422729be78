import { type Adapter, type ClientMetadata, errors } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { findClient } from './clients.repository.js'
import type { ClientRow } from './oidc.table.js'

/** A registered relying party as oidc-provider reads it: the baseline profile is fixed here, not per client. */
export const toClientMetadata = (r: ClientRow): ClientMetadata => ({
  client_id: r.client_id,
  client_name: r.name,
  application_type: 'web',
  redirect_uris: r.redirect_uris,
  response_types: ['code'],
  grant_types: r.scopes.includes('offline_access')
    ? ['authorization_code', 'refresh_token']
    : ['authorization_code'],
  scope: r.scopes.join(' '),
  subject_type: 'pairwise',
  id_token_signed_response_alg: 'ES256',
  token_endpoint_auth_method: r.auth_method,
  // The stored hash stands in for the secret: compareClientSecret (oidc.provider.ts) hashes what is presented.
  ...(r.secret_hash ? { client_secret: r.secret_hash } : {}),
  ...(r.jwks ? { jwks: r.jwks } : {}),
})

const registeredElsewhere = async (): Promise<undefined> => {
  throw new Error('relying parties are registered with `dinhdanh clients add`, not through the provider')
}

/**
 * Clients come from oidc_client, read on every lookup so that a suspension takes effect at once; a
 * suspended client gets a clear invalid_client error wherever it shows up.
 */
export const clientAdapter = (deps: Pick<Deps, 'db'>): Adapter => ({
  async find(id) {
    const row = await findClient(deps.db, id)
    if (!row) return undefined
    if (row.status === 'suspended')
      throw new errors.InvalidClient('this relying party is suspended from the e-ID system')
    return toClientMetadata(row)
  },
  upsert: registeredElsewhere,
  findByUid: registeredElsewhere,
  findByUserCode: registeredElsewhere,
  consume: registeredElsewhere,
  destroy: registeredElsewhere,
  revokeByGrantId: registeredElsewhere,
})
