import type { z } from 'zod'
import { type ErrorFactory, fail } from '../../platform/errors.js'
import { fitsProfile } from './clients.profile.js'
import {
  AuthMethod,
  ClientJwksInput,
  ClientName,
  MinLevel,
  Purpose,
  RedirectUri,
  Scopes,
} from './clients.schemas.js'
import { OIDC } from './oidc.errors.js'
import type { ClientAuthMethod, ClientJwks, ClientProfile } from './oidc.table.js'

const parse = <T>(schema: z.ZodType<T>, value: unknown, error: ErrorFactory): T => {
  const r = schema.safeParse(value)
  return r.success ? r.data : fail(error)
}

export type ClientFields = {
  name: string
  purpose: string
  scopes: string[]
  minLevel: number
  redirectUris: string[]
  authMethod: ClientAuthMethod
  jwks: ClientJwks | null
  profile: ClientProfile
}

/**
 * The client an application asks for, checked with addClient's own rules and codes at submission, so an
 * approval weeks later does not fail on a field the applicant could have fixed.
 */
export const checkClientFields = (input: {
  name: string
  purpose: string
  scopes: string[]
  minLevel: number
  redirectUris: string[]
  authMethod: string
  jwks?: unknown
  profile: ClientProfile
}): ClientFields => {
  const name = parse(ClientName, input.name, OIDC.CLIENT_NAME_INVALID)
  const purpose = parse(Purpose, input.purpose, OIDC.PURPOSE_INVALID)
  if (input.redirectUris.length < 1 || input.redirectUris.length > 20) fail(OIDC.REDIRECT_URI_INVALID)
  const redirectUris = input.redirectUris.map((u) => parse(RedirectUri, u, OIDC.REDIRECT_URI_INVALID))
  const scopes = parse(Scopes, input.scopes, OIDC.SCOPES_INVALID)
  const minLevel = parse(MinLevel, input.minLevel, OIDC.MIN_LEVEL_INVALID)
  const authMethod = parse(AuthMethod, input.authMethod, OIDC.AUTH_METHOD_INVALID)
  // FAPI 2.0 authenticates clients by their keys, never by a shared secret.
  if (input.profile === 'fapi2' && authMethod !== 'private_key_jwt') fail(OIDC.PROFILE_INVALID)
  const usesKeys = authMethod === 'private_key_jwt'
  if (usesKeys !== (input.jwks !== undefined)) fail(OIDC.JWKS_INVALID)
  const jwks = usesKeys ? parse(ClientJwksInput, input.jwks, OIDC.JWKS_INVALID) : null
  if (!fitsProfile(input.profile, authMethod, jwks)) fail(OIDC.PROFILE_INVALID)
  return { name, purpose, scopes, minLevel, redirectUris, authMethod, jwks, profile: input.profile }
}
