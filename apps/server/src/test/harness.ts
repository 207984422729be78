import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pino from 'pino'
import { buildApp } from '../app.js'
import type { Database } from '../database.js'
import type { Deps } from '../deps.js'
import { allMigrations } from '../migrations.js'
import { deriveOtpKey } from '../modules/authn/index.js'
import { createBiometricsRuntime } from '../modules/biometrics/index.js'
import { createOfficerTotpSealer } from '../modules/officers/index.js'
import { policyFor } from '../modules/policy/index.js'
import { createPhoneOwnership, seedDemoSubscriptions } from '../modules/telecom/index.js'
import { type Clock, type FrozenClock, frozenClock } from '../platform/clock.js'
import { loadConfig } from '../platform/config.js'
import { type DbHandle, openDb } from '../platform/db.js'
import { loadKek } from '../platform/keys/kek.js'
import { createKeyStore } from '../platform/keys/key-store.js'
import { migrateToLatest } from '../platform/migrate.js'
import { PGLITE_IMAGE } from './image-path.js'

/** A fixed key-encryption key for tests (never used outside them). */
export const TEST_KEK = 'dGVzdC1rZWstZGluaGRhbmgtMzItYnl0ZXMtbG9uZyE'

export type TestDb = DbHandle<Database> & { schema?: string }

// Any fixed number: the test files' schema set-up and tear-down on one PostgreSQL server.
const SCHEMA_LOCK = 0x64647473

/**
 * A database of the test file's own, migrated: on PostgreSQL (DATABASE_URL set) a fresh schema,
 * on PGlite an in-memory instance loaded from the migrated image made once by global setup.
 */
export const openTestDb = async (): Promise<TestDb> => {
  const url = process.env.DATABASE_URL
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`
    const handle = await openDb<Database>({ databaseUrl: url, poolSize: 4, schema })
    // The migrator reads every schema's catalogue: another file dropping its schema at that moment makes
    // it fail ("schema does not exist"), so migrations and drops take turns under one advisory lock.
    const exclusive = async (work: () => Promise<unknown>) => {
      const c = await (handle.pool as NonNullable<typeof handle.pool>).connect()
      await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK])
      try {
        await work()
      } finally {
        await c.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK])
        c.release()
      }
    }
    await exclusive(async () => {
      await handle.db.schema.createSchema(schema).ifNotExists().execute()
      await migrateToLatest(handle.db, allMigrations, { schema })
    })
    const close = async () => {
      await exclusive(() => handle.db.schema.dropSchema(schema).cascade().execute())
      await handle.close()
    }
    return { ...handle, schema, close }
  }
  const image = existsSync(PGLITE_IMAGE) ? new Blob([readFileSync(PGLITE_IMAGE)]) : undefined
  const handle = await openDb<Database>({ loadDataDir: image })
  // Without the image (a test run outside vitest's global setup) migrate from scratch.
  await migrateToLatest(handle.db, allMigrations)
  return handle
}

/**
 * A second Kysely over the test database's own connections that counts the statements it sends: for tests
 * of how many round trips an operation costs. Never destroyed (that would close the test database).
 */
export const countingDb = (handle: TestDb) => {
  const dialect = handle.pool
    ? new PostgresDialect({ pool: handle.pool })
    : new PGliteDialect({ pglite: handle.pglite as NonNullable<TestDb['pglite']> })
  let statements = 0
  const db = new Kysely<Database>({
    dialect,
    log: (e) => {
      if (e.level === 'query') statements++
    },
  })
  return {
    db,
    /** Statements sent since the last reset. */
    get statements() {
      return statements
    },
    reset: () => {
      statements = 0
    },
  }
}

/** A key store under the test KEK with its first key made, as main.ts does at startup. */
export const startTestKeyStore = async (
  db: Kysely<Database>,
  clock: Clock,
  kek: Buffer = Buffer.from(TEST_KEK, 'base64url'),
) => {
  const keys = createKeyStore({ db, clock, log: pino({ level: 'silent' }) }, kek)
  await keys.ensureActiveKey()
  return keys
}

export type TestContext = {
  app: FastifyInstance
  deps: Deps
  clock: FrozenClock
  db: Kysely<Database>
  handle: TestDb
  close(): Promise<void>
}

/** The whole server in-process (call it through app.inject), with a frozen clock and its own database. */
export const startTestApp = async (
  env: Record<string, string> = {},
  extraRoutes?: (app: FastifyInstance) => void,
): Promise<TestContext> => {
  const handle = await openTestDb()
  const clock = frozenClock()
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    KEK: TEST_KEK,
    // Two test files may load face models at once on a loaded machine: a slow first inference is not a failure.
    FACE_TIMEOUT_MS: '120000',
    ...env,
  })
  const log = pino({ level: 'silent' })
  const kek = loadKek(config, log)
  const keys = await startTestKeyStore(handle.db, clock, kek)
  const deps: Deps = {
    config,
    db: handle.db,
    engine: handle.engine,
    notifications: handle.notifications,
    clock,
    log,
    migrations: allMigrations,
    keys,
    biometrics: createBiometricsRuntime({ config, kek, log }),
    policy: policyFor(config.POLICY_PROFILE),
    otpKey: deriveOtpKey(kek),
    phoneOwnership: createPhoneOwnership(config, { db: handle.db, log }),
    officerTotp: createOfficerTotpSealer(kek),
  }
  // The sandbox carrier knows the demo people's numbers, as in the demo (tests register them with these).
  await seedDemoSubscriptions(deps)
  const app = await buildApp(deps, { extraRoutes })
  await app.ready()
  return {
    app,
    deps,
    clock,
    db: handle.db,
    handle,
    close: async () => {
      await app.close()
      await deps.biometrics.close()
      await handle.close()
    },
  }
}
