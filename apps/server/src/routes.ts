import type { FastifyInstance } from 'fastify'
import type { Deps } from './deps.js'
import {
  activationRoutes,
  dependentsRoutes,
  historyRoutes,
  lockRoutes,
  passkeyRoutes,
  phoneChangeRoutes,
  recoveryRoutes,
  registrationRoutes,
  securityRoutes,
  sessionRoutes,
  settingsRoutes,
} from './modules/accounts/index.js'
import { biometricsRoutes } from './modules/biometrics/index.js'
import { cardCheckRoutes } from './modules/card-check/index.js'
import {
  compactCredentialsRoutesWith,
  credentialsRoutes,
  holderCredentialsRoutesWith,
  verifierSeenRoutes,
} from './modules/credentials/index.js'
import { dataAccessRoutes } from './modules/data-access/index.js'
import { credentialDocumentOf, documentsRoutes } from './modules/documents/index.js'
import { cardRoutes, counterRoutes } from './modules/enrolment/index.js'
import { lockRequestRoutes } from './modules/lock-requests/index.js'
import { officerAdminRoutes, officerAuthRoutes } from './modules/officers/index.js'
import { consentRoutes, oidcRoutes, onboardingRoutes, qrLoginRoutes } from './modules/oidc/index.js'
import { registryRoutes } from './modules/registry/index.js'
import { reportRoutes } from './modules/reports/index.js'
import { sharingRoutes } from './modules/sharing/index.js'
import { keysRoutes } from './platform/keys/keys.routes.js'
import { outboxDevRoutes } from './platform/notify/outbox.routes.js'

export type RouteModule = (app: FastifyInstance, deps: Deps) => void | Promise<void>

// Every module's routes, mounted by app.ts in this order.
export const moduleRoutes: RouteModule[] = [
  keysRoutes,
  oidcRoutes,
  onboardingRoutes,
  outboxDevRoutes,
  registryRoutes,
  biometricsRoutes,
  registrationRoutes,
  activationRoutes,
  sessionRoutes,
  passkeyRoutes,
  securityRoutes,
  settingsRoutes,
  lockRoutes,
  historyRoutes,
  dataAccessRoutes,
  consentRoutes,
  qrLoginRoutes,
  recoveryRoutes,
  phoneChangeRoutes,
  dependentsRoutes,
  officerAuthRoutes,
  officerAdminRoutes,
  counterRoutes,
  cardRoutes,
  lockRequestRoutes,
  reportRoutes,
  credentialsRoutes,
  // The holder's credentials; the documents module answers for the holder's documents.
  holderCredentialsRoutesWith(credentialDocumentOf),
  // Offline QR sharing (vn-share): the holder's batches and the verifiers' keys.
  compactCredentialsRoutesWith(credentialDocumentOf),
  documentsRoutes,
  sharingRoutes,
  cardCheckRoutes,
  // Offline QRs: a verifier's scanners share one replay store.
  verifierSeenRoutes,
]
