import type { FastifyInstance } from 'fastify'
import type { Deps } from './deps.js'
import {
  activationRoutes,
  dependentsRoutes,
  historyRoutes,
  lockRoutes,
  phoneChangeRoutes,
  recoveryRoutes,
  registrationRoutes,
  sessionRoutes,
} from './modules/accounts/index.js'
import { biometricsRoutes } from './modules/biometrics/index.js'
import { registryRoutes } from './modules/registry/index.js'
import { keysRoutes } from './platform/keys/keys.routes.js'
import { outboxDevRoutes } from './platform/notify/outbox.routes.js'

export type RouteModule = (app: FastifyInstance, deps: Deps) => void | Promise<void>

// Every module's routes, mounted by app.ts in this order.
export const moduleRoutes: RouteModule[] = [
  keysRoutes,
  outboxDevRoutes,
  registryRoutes,
  biometricsRoutes,
  registrationRoutes,
  activationRoutes,
  sessionRoutes,
  lockRoutes,
  historyRoutes,
  recoveryRoutes,
  phoneChangeRoutes,
  dependentsRoutes,
]
