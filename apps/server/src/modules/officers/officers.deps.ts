import type { Deps } from '../../deps.js'
import { createDataSealer, type DataSealer } from '../../platform/keys/index.js'

/** What the officers services need: the database, the clock, the config and the TOTP sealer. */
export type OfficersDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'officerTotp'>

/** TOTP secrets get a key of their own (HKDF of the KEK): a leak of another data key opens none of them. */
export const createOfficerTotpSealer = (kek: Buffer): DataSealer => createDataSealer(kek, 'officer-totp')

/** Binds a sealed secret to its officer, so secrets cannot be swapped between rows. */
export const totpAad = (officerId: string) => `officer/${officerId}/totp`
