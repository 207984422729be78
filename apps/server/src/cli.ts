import { Command } from 'commander'
import { allMigrations } from './migrations.js'
import { ConfigError, loadConfig } from './platform/config.js'
import { migrateToLatest } from './platform/migrate.js'
import { openConfiguredDb } from './runtime.js'

const program = new Command('dinhdanh')
  .description('dinhdanh: national e-ID platform command line')
  .version('0.1.0')

program
  .command('migrate')
  .description('apply every pending database migration')
  .action(async () => {
    const handle = await openConfiguredDb(loadConfig({ LOG_LEVEL: 'warn', ...process.env }))
    try {
      const applied = await migrateToLatest(handle.db, allMigrations)
      console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'already up to date')
    } finally {
      await handle.close()
    }
  })

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(78)
  }
  console.error(err instanceof Error ? `error: ${err.message}` : err)
  process.exit(1)
})
