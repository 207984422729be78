import { Command } from 'commander'
import { accountsCommands } from './cli/accounts.commands.js'
import { biometricsCommands } from './cli/biometrics.commands.js'
import { clientsCommands } from './cli/clients.commands.js'
import { officersCommands } from './cli/officers.commands.js'
import { platformCommands } from './cli/platform.commands.js'
import { registryCommands } from './cli/registry.commands.js'
import { allMigrations } from './migrations.js'
import { ConfigError, loadConfig } from './platform/config.js'
import { AppError } from './platform/errors.js'
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

registryCommands(program)
biometricsCommands(program)
accountsCommands(program)
officersCommands(program)
clientsCommands(program)
platformCommands(program)

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(78)
  }
  const code = err instanceof AppError ? `${err.code}: ` : ''
  console.error(err instanceof Error ? `error: ${code}${err.message}` : err)
  process.exit(1)
})
