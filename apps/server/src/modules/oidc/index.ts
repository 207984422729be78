// The oidc module's public face: the OpenID provider, its storage and the registered relying parties.

export {
  DEMO_BANK,
  DEMO_ORIGINS,
  DEMO_PORTAL,
  type DemoOrigins,
  registerDemoClients,
} from './clients.demo.js'
export { PROFILES } from './clients.profile.js'
export { AUTH_METHODS, DEFAULT_SCOPES, KNOWN_SCOPES } from './clients.schemas.js'
export {
  addClient,
  type ClientActor,
  type ClientCredentials,
  type ClientView,
  listClients,
  type NewClient,
  reinstateClient,
  setAllowDependents,
  suspendClient,
} from './clients.service.js'
export { consentRoutes } from './consent.routes.js'
export { type Connection, listConnections, revokeConnection } from './consent.service.js'
export {
  MACHINE_TOKEN,
  type MachineCaller,
  requireMachineToken,
  verifyMachineToken,
} from './machine-token.js'
export { cleanupOidc, startOidcCleanup } from './oidc.cleanup.js'
export { OIDC } from './oidc.errors.js'
export { ACR, ACR_VALUES } from './oidc.levels.js'
export { oidcMigrations } from './oidc.migrations.js'
export { createOidcRuntime, issuerOf, type OidcRuntime, oidcRuntimeOf } from './oidc.provider.js'
export { oidcRoutes } from './oidc.routes.js'
export type { OidcTables } from './oidc.table.js'
export { onboardingRoutes } from './onboarding.routes.js'
export { qrLoginRoutes } from './qr-login.routes.js'
export { runSessionEndLogout, startSessionEndLogout } from './session-end.job.js'
