import { demoOfficers } from './officers.demo.js'
import type { OfficersDeps } from './officers.deps.js'
import { findOfficerByNumber } from './officers.repository.js'
import { base32Decode, totpAt } from './totp.js'

/**
 * The current authenticator code of a demo officer, for curl tours: only with DEMO_SEED on and the demo
 * officer present in the database; never for another officer (their secret is sealed and never read back).
 */
export const demoOfficerCode = async (
  deps: Pick<OfficersDeps, 'db' | 'clock'> & { config: { DEMO_SEED: boolean } },
  officerNumber: string,
): Promise<string | null> => {
  const demo = demoOfficers.find((o) => o.officerNumber === officerNumber.trim().toUpperCase())
  if (!deps.config.DEMO_SEED || !demo) return null
  if (!(await findOfficerByNumber(deps.db, demo.officerNumber))) return null
  return totpAt(base32Decode(demo.totpSecret), deps.clock.now())
}
