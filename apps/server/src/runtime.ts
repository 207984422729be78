import type { Logger } from 'pino'
import type { Database } from './database.js'
import type { Config } from './platform/config.js'
import { type DbHandle, openDb } from './platform/db.js'

/** Opens the configured engine: a PostgreSQL server when DATABASE_URL is set, else PGlite under DATA_DIR. */
export const openConfiguredDb = (config: Config, log?: Logger): Promise<DbHandle<Database>> => {
  if (config.DATABASE_URL) {
    log?.info({ engine: 'postgres' }, 'using PostgreSQL server (DATABASE_URL)')
    return openDb<Database>({
      databaseUrl: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      ...(log ? { log } : {}),
    })
  }
  log?.info({ engine: 'pglite', dataDir: config.DATA_DIR }, 'using embedded PGlite')
  return openDb<Database>({ dataDir: `${config.DATA_DIR}/pglite` })
}
