import { renameSync, rmSync, writeFileSync } from 'node:fs'
import type { Database } from '../database.js'
import { allMigrations } from '../migrations.js'
import { openDb } from '../platform/db.js'
import { migrateToLatest } from '../platform/migrate.js'
import { PGLITE_IMAGE } from './image-path.js'

// Migrates PGlite once and dumps it, so each test file starts in about a second instead of three.
export default async function setup() {
  if (process.env.DATABASE_URL) return
  const handle = await openDb<Database>({})
  await migrateToLatest(handle.db, allMigrations)
  if (!handle.pglite) throw new Error('expected PGlite')
  const dump = await handle.pglite.dumpDataDir('gzip')
  // Written whole, then renamed: a run of the same checkout starting now never reads half an image.
  const partial = `${PGLITE_IMAGE}.${process.pid}`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, PGLITE_IMAGE)
  await handle.close()
  return () => rmSync(PGLITE_IMAGE, { force: true })
}
