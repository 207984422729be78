import { sql } from 'kysely'
import type { Database } from '../apps/server/src/database.js'
import { allMigrations } from '../apps/server/src/migrations.js'
import { type DbHandle, openDb } from '../apps/server/src/platform/db.js'
import { migrateToLatest } from '../apps/server/src/platform/migrate.js'

/** A fresh, migrated, in-memory PGlite for one benchmark, closed afterwards. */
export const withPglite = async <T>(work: (h: DbHandle<Database>) => Promise<T>): Promise<T> => {
  const lite = await openDb<Database>({})
  try {
    await migrateToLatest(lite.db, allMigrations)
    return await work(lite)
  } finally {
    await lite.close()
  }
}

/**
 * A migrated PostgreSQL database of the benchmark's own, created on the server of `databaseUrl` and
 * dropped afterwards (in a shared database the migrator's table check would see other schemas' tables).
 */
export const withPostgres = async <T>(
  databaseUrl: string,
  name: string,
  poolSize: number,
  work: (h: DbHandle<Database>) => Promise<T>,
): Promise<T> => {
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  const admin = await openDb<Database>({ databaseUrl, poolSize: 1 })
  await sql.raw(`DROP DATABASE IF EXISTS ${name}`).execute(admin.db)
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db)
  const pg = await openDb<Database>({ databaseUrl: url.toString(), poolSize })
  try {
    await migrateToLatest(pg.db, allMigrations)
    return await work(pg)
  } finally {
    await pg.close()
    await sql.raw(`DROP DATABASE IF EXISTS ${name}`).execute(admin.db)
    await admin.close()
  }
}
