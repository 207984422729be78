// The oidc module's public face: the OpenID provider, its storage and the registered relying parties.

export { AUTH_METHODS, DEFAULT_SCOPES, KNOWN_SCOPES } from './clients.schemas.js'
export {
  addClient,
  type ClientActor,
  type ClientCredentials,
  type ClientView,
  listClients,
  type NewClient,
  reinstateClient,
  suspendClient,
} from './clients.service.js'
export { cleanupOidc, startOidcCleanup } from './oidc.cleanup.js'
export { OIDC } from './oidc.errors.js'
export { ACR, ACR_VALUES } from './oidc.levels.js'
export { oidcMigrations } from './oidc.migrations.js'
export { issuerOf } from './oidc.provider.js'
export { oidcRoutes } from './oidc.routes.js'
export type { OidcTables } from './oidc.table.js'
