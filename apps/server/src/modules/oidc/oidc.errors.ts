import { defineErrors } from '../../platform/errors.js'

export const OIDC = defineErrors('oidc', {
  CLIENT_NOT_FOUND: [404, 'No relying party has this client_id'],
  CLIENT_NAME_INVALID: [400, 'A relying party name is 1 to 200 characters'],
  PURPOSE_INVALID: [400, 'A purpose is at most 500 characters'],
  REDIRECT_URI_INVALID: [
    400,
    'A redirect URI is an absolute https URL (http only for localhost), without a fragment',
  ],
  POST_LOGOUT_REDIRECT_URI_INVALID: [
    400,
    'A post-logout redirect URI is an absolute https URL (http only for localhost), without a fragment; at most 20',
  ],
  BACKCHANNEL_LOGOUT_URI_INVALID: [
    400,
    'A back-channel logout URI is an absolute https URL (http only for localhost), without a fragment',
  ],
  SCOPES_INVALID: [400, 'Scopes are openid (always) and any of profile, vn_id, offline_access'],
  MIN_LEVEL_INVALID: [400, 'The minimum level is 1 or 2'],
  SECTOR_INVALID: [400, 'A sector is 1 to 100 letters, digits, dots, dashes or underscores'],
  JWKS_INVALID: [400, 'A client key set is a JSON object with public signing keys (EC, RSA or OKP) only'],
  AUTH_METHOD_INVALID: [
    400,
    'The client authentication method is client_secret_basic, client_secret_post or private_key_jwt',
  ],
  PROFILE_INVALID: [
    400,
    'The profile is baseline or fapi2; a fapi2 client uses private_key_jwt with ES256, EdDSA or PS256 public keys',
  ],
  ALREADY_SUSPENDED: [409, 'This relying party is already suspended'],
  CONNECTION_NOT_FOUND: [404, 'You have no live consent with this service (already revoked or expired)'],
  NOT_SUSPENDED: [409, 'This relying party is not suspended'],
  INTERACTION_EXPIRED: [400, 'This login page has expired or was already used: start again from the service'],
  INTERACTION_STEP_INVALID: [
    400,
    'This step does not belong to the login in progress: start again from the service',
  ],
  FORM_INVALID: [400, 'The form is incomplete'],
  DEPENDENTS_NOT_ALLOWED: [403, 'This relying party does not allow signing in for a dependent'],
  ALLOW_DEPENDENTS_UNCHANGED: [409, 'This relying party already has that setting for acting for dependents'],
  REASON_REQUIRED: [
    400,
    'A change to what a relying party may do gives its reason in writing (10 to 2000 characters)',
  ],
})
