import { buildApp } from './app.js'
import type { Deps } from './deps.js'
import { allMigrations } from './migrations.js'
import { systemClock } from './platform/clock.js'
import { ConfigError, loadConfig } from './platform/config.js'
import { createLogger } from './platform/logger.js'
import { migrateToLatest } from './platform/migrate.js'
import { openConfiguredDb } from './runtime.js'

const start = async () => {
  const config = loadConfig()
  const log = createLogger(config)
  const handle = await openConfiguredDb(config, log)
  const applied = await migrateToLatest(handle.db, allMigrations)
  if (applied.length) log.info({ applied }, 'migrations applied')

  const deps: Deps = {
    config,
    db: handle.db,
    engine: handle.engine,
    clock: systemClock,
    log,
    migrations: allMigrations,
  }
  const app = await buildApp(deps)
  await app.listen({ host: config.HOST, port: config.PORT })
  log.info(`dinhdanh is up at ${config.publicUrl} (API docs ${config.publicUrl}/api/docs)`)

  // Graceful shutdown: stop accepting, let in-flight requests finish, then close the database.
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
    await handle.close()
    log.info('bye')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

start().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(78)
  }
  console.error(err)
  process.exit(1)
})
