import cluster from 'node:cluster'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Logger } from 'pino'
import { buildApp } from './app.js'
import { superviseWorkers } from './cluster.js'
import type { Deps } from './deps.js'
import { allMigrations } from './migrations.js'
import {
  DEMO_CITIZEN,
  seedDemoCitizen,
  startAccountsCleanup,
  startDossierProcessor,
  startLockJob,
} from './modules/accounts/index.js'
import { deriveOtpKey, startAuthnCleanup } from './modules/authn/index.js'
import { createBiometricsRuntime, seedDemoBiometrics } from './modules/biometrics/index.js'
import { startVerifierSeenCleanup } from './modules/credentials/index.js'
import { createConnectors, seedDemoSources, startDocumentsSync } from './modules/documents/index.js'
import {
  createOfficerTotpSealer,
  DEMO_OFFICER_PASSWORD,
  demoOfficers,
  describeDemoOfficer,
  seedDemoOfficers,
  startOfficersCleanup,
} from './modules/officers/index.js'
import {
  DEMO_ORIGINS,
  registerDemoClients,
  startOidcCleanup,
  startSessionEndLogout,
} from './modules/oidc/index.js'
import { policyFor } from './modules/policy/index.js'
import {
  demoForeigners,
  demoPeople,
  foreignerDocumentsAfter,
  personIdsAfter,
  seedDemoRegistry,
} from './modules/registry/index.js'
import { createPhoneOwnership, seedDemoSubscriptions } from './modules/telecom/index.js'
import { systemClock } from './platform/clock.js'
import { type Config, ConfigError, loadConfig } from './platform/config.js'
import { AppError } from './platform/errors.js'
import { createKeyStore, loadKek } from './platform/keys/index.js'
import { createLogger } from './platform/logger.js'
import { migrateToLatest } from './platform/migrate.js'
import { sendersFromConfig, startOutboxWorker } from './platform/notify/index.js'
import { openConfiguredDb } from './runtime.js'

/** Opens the database and builds the modules' dependencies. */
const open = async (config: Config, log: Logger) => {
  const clock = systemClock
  const handle = await openConfiguredDb(config, log)
  // Fails fast on a wrong key-encryption key, before anything is served.
  const kek = loadKek(config, log)
  const keys = createKeyStore({ db: handle.db, clock, log }, kek)
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
  return { handle, deps }
}

/** Once per deployment start, before any request: migrations, the first signing key, the demo data. */
const prepare = async ({ handle, deps }: Awaited<ReturnType<typeof open>>) => {
  const { config, log, clock, keys } = deps
  const applied = await migrateToLatest(handle.db, allMigrations)
  if (applied.length) log.info({ applied }, 'migrations applied')
  const { kid, created } = await keys.ensureActiveKey()
  log.info({ kid, created }, 'signing key ready')
  if (!config.DEMO_SEED) return
  const registryStarted = Date.now()
  const registry = await seedDemoRegistry(handle, {
    asOf: vietnamDateOf(clock.now()),
    now: clock.now(),
    population: config.DEMO_POPULATION,
  })
  if (registry.synthetic)
    log.info(
      { ...registry.synthetic, ms: Date.now() - registryStarted },
      'demo registry seeded (first start)',
    )
  const started = Date.now()
  const report = await seedDemoBiometrics(
    deps,
    (after, limit) => personIdsAfter(handle.db, after, limit),
    demoPeople.map((p) => p.record.personalId),
  )
  if (report)
    log.info({ ...report, ms: Date.now() - started }, 'demo biometric templates seeded (first start)')
  // The sandbox carrier: every person in the registry gets an own-name number (docs/accounts.md).
  const subscriptions = await seedDemoSubscriptions(deps, {
    personIdsAfter: (after, limit) => personIdsAfter(handle.db, after, limit),
    foreignersAfter: (after, limit) => foreignerDocumentsAfter(handle.db, after, limit),
  })
  if (subscriptions) log.info(subscriptions, 'sandbox carrier subscriptions seeded (first start)')
  // The demo citizen's active level-2 account with a published password (README.md): never without DEMO_SEED.
  if (await seedDemoCitizen(deps))
    log.info({ citizen: DEMO_CITIZEN.personalId }, 'demo citizen account created')
  // Demo police units and officers with published TOTP secrets (docs/officers.md): never without DEMO_SEED.
  const officers = await seedDemoOfficers(deps)
  if (officers) log.info({ officers }, 'demo officers seeded (first start)')
  // The demo portal and bank of apps/demo-rp (`npm run demo-rp`, docs/demo-rp.md): published credentials.
  const clients = await registerDemoClients(deps)
  if (clients.length) log.info({ clients }, 'demo relying parties registered')
  // The sandbox source systems' records: the demo people's and the registry's (docs/documents.md).
  const sources = await seedDemoSources(deps, (after, limit) => personIdsAfter(handle.db, after, limit))
  if (sources) log.info(sources, 'document source sandboxes seeded (first start)')
}

const printDemoPeople = (config: Config) => {
  if (!config.DEMO_SEED) return
  const lines = [...demoPeople, ...demoForeigners].map((p) => `  ${p.description}`)
  console.log(`\nDemo people (officer portal ${config.publicUrl}/officer):\n${lines.join('\n')}\n`)
  const officerLines = demoOfficers.map((o) => `  ${describeDemoOfficer(o)}`)
  console.log(`Demo officers (password ${DEMO_OFFICER_PASSWORD}):\n${officerLines.join('\n')}\n`)
  const c = DEMO_CITIZEN
  console.log(
    `Demo citizen (${config.publicUrl}/app): ${c.personalId} ${c.fullName}, level 2, password ${c.password}, passcode ${c.passcode}; the SMS code of a new device is at ${config.publicUrl}/dev/outbox\n`,
  )
  console.log(
    `Demo relying parties (npm run demo-rp): ${DEMO_ORIGINS.portal} (portal), ${DEMO_ORIGINS.bank} (bank)\n`,
  )
}

/** Serves requests and runs the periodic jobs until SIGTERM or SIGINT (each server process does both). */
const serve = async ({ handle, deps }: Awaited<ReturnType<typeof open>>) => {
  const { config, log } = deps
  const app = await buildApp(deps)
  await app.listen({ host: config.HOST, port: config.PORT })
  const senders = sendersFromConfig(config)
  const outbox = startOutboxWorker(deps, senders, { pollMs: config.OUTBOX_POLL_MS })
  const dossiers = startDossierProcessor(deps, { pollMs: config.OUTBOX_POLL_MS })
  const locks = startLockJob(deps)
  const cleanup = startAuthnCleanup(deps)
  const accountsCleanup = startAccountsCleanup(deps)
  const oidcCleanup = startOidcCleanup(deps)
  const sessionEndLogout = startSessionEndLogout(deps)
  const documentsSync = startDocumentsSync(deps, createConnectors(deps.db), { demo: config.DEMO_SEED })
  const officersCleanup = startOfficersCleanup(deps)
  const verifierSeenCleanup = startVerifierSeenCleanup(deps)

  log.info(`dinhdanh is up at ${config.publicUrl} (API docs ${config.publicUrl}/api/docs)`)

  // Graceful shutdown: stop accepting, let in-flight requests finish, stop the worker, close the database.
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      log.error('shutdown grace period over, exiting')
      process.exit(1)
    }, config.SHUTDOWN_GRACE_MS)
    force.unref()
    await app.close()
    await cleanup.stop()
    await accountsCleanup.stop()
    await oidcCleanup.stop()
    await sessionEndLogout.stop()
    await documentsSync.stop()
    await officersCleanup.stop()
    await verifierSeenCleanup.stop()
    await locks.stop()
    await dossiers.stop()
    await outbox.stop()
    await deps.biometrics.close()
    await Promise.all(Object.values(senders).map((s) => s.close?.()))
    await handle.close()
    log.info('bye')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

const start = async () => {
  const config = loadConfig()
  const log = createLogger(config)
  // A forked server process of WORKERS > 1: the primary has prepared the database.
  if (cluster.isWorker) return serve(await open(config, log))
  const opened = await open(config, log)
  await prepare(opened)
  if (config.WORKERS === 1) {
    printDemoPeople(config)
    return serve(opened)
  }
  // The primary serves nothing: it hands the port to the workers and replaces one that dies.
  await opened.deps.biometrics.close()
  await opened.handle.close()
  printDemoPeople(config)
  superviseWorkers(config.WORKERS, log, config.SHUTDOWN_GRACE_MS)
}

start().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(78)
  }
  // A key-encryption-key problem is a configuration problem too.
  if (err instanceof AppError && err.code.startsWith('keys.')) {
    console.error(`${err.code}: ${err.message}`)
    process.exit(78)
  }
  console.error(err)
  process.exit(1)
})
