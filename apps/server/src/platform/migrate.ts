import type { Kysely } from 'kysely'
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration'

/** A module's migrations, named `<module>_<nnnn>_<what>` so each module's own order holds. */
export type ModuleMigrations = Record<string, Migration>

// Modules never reference each other's tables, so cross-module order does not matter.
// `schema` pins the bookkeeping tables: Kysely's existence check otherwise matches any schema's copy.
const migratorFor = <DB>(db: Kysely<DB>, migrations: ModuleMigrations, schema?: string) =>
  new Migrator({
    ...(schema ? { migrationTableSchema: schema } : {}),
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    migrationTableName: 'platform_migration',
    migrationLockTableName: 'platform_migration_lock',
  })

export const migrateToLatest = async <DB>(
  db: Kysely<DB>,
  migrations: ModuleMigrations,
  opts: { schema?: string } = {},
): Promise<string[]> => {
  const { error, results }: MigrationResultSet = await migratorFor(
    db,
    migrations,
    opts.schema,
  ).migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`Migration ${failed ?? '(unknown)'} failed: ${String(error)}`, { cause: error })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

export type MigrationStatus = { applied: number; pending: string[] }

export const migrationStatus = async <DB>(
  db: Kysely<DB>,
  migrations: ModuleMigrations,
): Promise<MigrationStatus> => {
  const all = await migratorFor(db, migrations).getMigrations()
  return {
    applied: all.filter((m) => m.executedAt).length,
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  }
}
