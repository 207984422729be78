import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { OFFICERS } from './officers.errors.js'

/**
 * An officer's own password follows the house rules the citizens' passwords follow (policy.checkPassword:
 * 8-20 characters, a digit, an upper- and a lower-case letter, a special character); the broken rules
 * travel in `details.failures` with their Vietnamese and English texts.
 */
export const assertPasswordRules = (deps: Pick<Deps, 'policy'>, password: string): void => {
  const failures = deps.policy.checkPassword(password)
  if (failures.length) fail(OFFICERS.PASSWORD_REJECTED, undefined, { failures })
}
