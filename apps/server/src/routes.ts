import type { FastifyInstance } from 'fastify'
import type { Deps } from './deps.js'

export type RouteModule = (app: FastifyInstance, deps: Deps) => void | Promise<void>

// Every module's routes, mounted by app.ts in this order.
export const moduleRoutes: RouteModule[] = []
