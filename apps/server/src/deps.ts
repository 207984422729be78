import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Database } from './database.js'
import type { BiometricsRuntime } from './modules/biometrics/biometrics.runtime.js'
import type { Policy } from './modules/policy/index.js'
import type { PhoneOwnershipChecker } from './modules/telecom/index.js'
import type { Clock } from './platform/clock.js'
import type { Config } from './platform/config.js'
import type { Engine } from './platform/db.js'
import type { Notifications } from './platform/db.notifications.js'
import type { DataSealer } from './platform/keys/data-sealer.js'
import type { KeyStore } from './platform/keys/key-store.js'
import type { ModuleMigrations } from './platform/migrate.js'

/** What every module's services and routes are given: built once in main.ts (or the test harness). */
export type Deps = {
  config: Config
  db: Kysely<Database>
  engine: Engine
  /** LISTEN/NOTIFY on the database: how a process hears that another changed what it caches. */
  notifications: Notifications
  clock: Clock
  log: Logger
  migrations: ModuleMigrations
  /** Signing keys (JWKS, rotation); main.ts calls ensureActiveKey() before listening. */
  keys: KeyStore
  /** Face and fingerprint engine, policy, sealers and 1:N gallery (started lazily on first use). */
  biometrics: BiometricsRuntime
  /** The legal regime chosen by POLICY_PROFILE: eligibility, deadlines, credentials, locks. */
  policy: Policy
  /** Hashes one-time codes and what they are bound to (HKDF of the KEK, authn/otp). */
  otpKey: Buffer
  /** Asks the carrier whether a phone is in the person's own name (PHONE_OWNERSHIP). */
  phoneOwnership: PhoneOwnershipChecker
  /** Seals officers' TOTP secrets at rest (HKDF of the KEK, purpose officer-totp). */
  officerTotp: DataSealer
}
