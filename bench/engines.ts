import { type OidcTest, startOidcTest } from '../apps/server/src/modules/oidc/oidc.test-support.js'
import type { BenchResult } from './types.js'

export type Engine = 'pglite' | 'postgres'

/** The whole server as the tests start it, on PGlite or (with a URL) on PostgreSQL. */
const startOn = async (databaseUrl: string | undefined) => {
  const previous = process.env.DATABASE_URL
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl
  else delete process.env.DATABASE_URL
  try {
    return await startOidcTest({ LOG_LEVEL: 'silent' })
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL
    else process.env.DATABASE_URL = previous
  }
}

/** Runs `measure` on a server over PGlite, then over PostgreSQL when a URL is given (each may be left out). */
export const onEachEngine = async (
  opts: { databaseUrl?: string | undefined; engines?: ReadonlyArray<Engine> | undefined },
  what: string,
  log: (line: string) => void,
  measure: (engine: Engine, t: OidcTest) => Promise<BenchResult[]>,
): Promise<BenchResult[]> => {
  const results: BenchResult[] = []
  for (const [engine, url] of [
    ['pglite', undefined],
    ['postgres', opts.databaseUrl],
  ] as const) {
    if ((engine === 'postgres' && !url) || (opts.engines && !opts.engines.includes(engine))) continue
    log(`  ${what} on ${engine}`)
    const t = await startOn(url)
    try {
      results.push(...(await measure(engine, t)))
    } finally {
      await t.close()
    }
  }
  return results
}
