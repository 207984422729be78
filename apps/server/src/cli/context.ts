import type { Logger } from 'pino'
import type { Database } from '../database.js'
import { allMigrations } from '../migrations.js'
import { type Config, loadConfig } from '../platform/config.js'
import type { DbHandle } from '../platform/db.js'
import { createLogger } from '../platform/logger.js'
import { migrateToLatest } from '../platform/migrate.js'
import { openConfiguredDb } from '../runtime.js'

export type CliContext = { config: Config; log: Logger; handle: DbHandle<Database> }

/** Opens the configured database (migrated) for one command and always closes it. */
export const withDb = async <T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> => {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env })
  const log = createLogger(config)
  const handle = await openConfiguredDb(config)
  try {
    await migrateToLatest(handle.db, allMigrations)
    return await fn({ config, log, handle })
  } finally {
    await handle.close()
  }
}
