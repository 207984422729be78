import type { ModuleMigrations } from './platform/migrate.js'

// Every module's migrations; each module owns its tables.
export const allMigrations: ModuleMigrations = {}
