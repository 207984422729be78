import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Where global setup leaves a migrated PGlite image for every test file to start from.
export const PGLITE_IMAGE = join(tmpdir(), `dinhdanh-test-pglite-${process.getuid?.() ?? 0}.tar.gz`)
