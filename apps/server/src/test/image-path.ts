import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allMigrations } from '../migrations.js'

// Where global setup leaves a migrated PGlite image for every test file to start from. Named after this
// checkout and its migrations: runs of other checkouts (CI's clean clone beside a working tree) or of other
// code must never load each other's image.
const key = createHash('sha256')
  .update(process.cwd())
  .update('\0')
  .update(Object.keys(allMigrations).sort().join(','))
  .digest('hex')
  .slice(0, 16)

export const PGLITE_IMAGE = join(tmpdir(), `dinhdanh-test-pglite-${process.getuid?.() ?? 0}-${key}.tar.gz`)
