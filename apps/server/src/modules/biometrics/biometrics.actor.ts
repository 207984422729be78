import type { FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { may, OFFICERS, type Permission, requireOfficer } from '../officers/index.js'
import type { BiometricActor } from './biometrics.audit.js'

/**
 * The calling officer, from their session (cookie dd_officer): state-changing calls echo the CSRF token,
 * and the officer's roles must grant one of `anyOf` (a check's maker and its reviewer both read it).
 */
export const officerActorOf = async (
  deps: Deps,
  req: FastifyRequest,
  opts: { anyOf: readonly Permission[]; csrf: boolean; purpose: string },
): Promise<BiometricActor> => {
  const { officer } = await requireOfficer(deps, req, { csrf: opts.csrf })
  if (!opts.anyOf.some((p) => may(officer.roles, p))) fail(OFFICERS.PERMISSION_DENIED)
  const purpose = req.headers['x-purpose']
  return {
    id: officer.officerNumber,
    kind: 'officer',
    unit: officer.unit.code,
    purpose: typeof purpose === 'string' && purpose.trim() ? purpose.trim() : opts.purpose,
    requestId: req.id,
  }
}
