import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir.lock.js'
import { type Notifications, pgliteNotifications, postgresNotifications } from './db.notifications.js'

export type Engine = 'pglite' | 'postgres'

export type DbHandle<DB> = {
  db: Kysely<DB>
  engine: Engine
  /** The raw pg pool (PostgreSQL only), for COPY and other driver-level work. */
  pool?: pg.Pool
  /** The embedded instance (PGlite only). */
  pglite?: PGlite
  /** LISTEN/NOTIFY on this database (caches that must drop what another writer changed). */
  notifications: Notifications
  close(): Promise<void>
}

// DATE stays a 'YYYY-MM-DD' string (no timezone shift); int8 counts become numbers.
const DATE_OID = 1082
const INT8_OID = 20
pg.types.setTypeParser(DATE_OID, (v: string) => v)
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v))

export type OpenDbOptions = {
  databaseUrl?: string | undefined
  /** PGlite data directory; `memory://` (or undefined with inMemory) keeps it in memory. */
  dataDir?: string | undefined
  poolSize?: number
  /** A PGlite data-directory dump to start from (tests load a migrated image in ~1 s). */
  loadDataDir?: Blob | File | undefined
  /** Search path for isolation (tests give each worker its own schema on PostgreSQL). */
  schema?: string
  /** Where a lost notification connection is reported (PostgreSQL). */
  log?: { warn(obj: object, msg: string): void }
}

const consoleWarn = { warn: (obj: object, msg: string) => console.warn(msg, obj) }

export const openDb = async <DB>(opts: OpenDbOptions): Promise<DbHandle<DB>> => {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    })
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    const notifications = postgresNotifications(opts.databaseUrl, opts.log ?? consoleWarn)
    const close = async () => {
      await notifications.close()
      await db.destroy()
    }
    return { db, engine: 'postgres', pool, notifications, close }
  }
  const dataDir = opts.dataDir ?? 'memory://'
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  // One process per directory: a CLI command beside `npm start` would otherwise write a copy nobody sees.
  const release = inMemory ? () => {} : lockDataDir(dataDir)
  let pglite: PGlite
  try {
    pglite = await PGlite.create({
      dataDir,
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
    })
  } catch (e) {
    release()
    throw e
  }
  if (opts.schema)
    await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}; SET search_path TO ${opts.schema}`)
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) })
  // Kysely's destroy closes the PGlite instance it was given.
  return {
    db,
    engine: 'pglite',
    pglite,
    notifications: pgliteNotifications(pglite),
    close: async () => {
      await db.destroy()
      release()
    },
  }
}

export const ping = async <DB>(db: Kysely<DB>): Promise<void> => {
  await sql`select 1`.execute(db)
}
