import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import type { Manager } from './manager.js'
import { requireOfficer } from './require-officer.js'
import type { Client } from './session-open.js'

/** Logins, first-login codes and password changes share one budget per address. */
export const LOGIN_PER_IP = { limit: 60, windowSeconds: 600 }

export const OfficerNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^CB-\d{4,8}$/)
  .describe('Officer number, e.g. CB-0042')

export const clientOf = (req: {
  ip: string
  id: string
  headers: { 'user-agent'?: string | undefined }
}): Client => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'],
  requestId: req.id,
})

/** The administrator of the request, as the manager of what follows (officers.manage, within jurisdiction). */
export const managerOf = async (deps: Deps, req: FastifyRequest, csrf: boolean): Promise<Manager> => {
  const admin = await requireOfficer(deps, req, { permission: 'officers.manage', csrf })
  return { kind: 'officer', officer: admin.officer, requestId: req.id }
}
