import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

// The sandbox carrier's own register (not the registry's): a subscription names one holder document.
const init = `
CREATE TABLE telecom_subscriber (
  phone text COLLATE "C" PRIMARY KEY CHECK (phone ~ '^\\+84[0-9]{9}$'),
  personal_id text COLLATE "C" CHECK (personal_id ~ '^[0-9]{12}$'),
  foreigner_id text COLLATE "C" CHECK (foreigner_id ~ '^NN[0-9]{10}$'),
  passport_nationality char(2),
  passport_number text COLLATE "C",
  registered_on date NOT NULL,
  CHECK (personal_id IS NOT NULL OR foreigner_id IS NOT NULL OR passport_number IS NOT NULL),
  CHECK ((passport_number IS NULL) = (passport_nationality IS NULL))
)
`

export const telecomMigrations: ModuleMigrations = {
  telecom_0001_subscriber: {
    up: async (db: Kysely<unknown>) => {
      await sql.raw(init).execute(db)
    },
    down: async (db: Kysely<unknown>) => {
      await sql.raw('DROP TABLE telecom_subscriber').execute(db)
    },
  },
}
