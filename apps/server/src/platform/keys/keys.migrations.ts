import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../migrate.js'

export const keysMigrations: ModuleMigrations = {
  platform_0003_signing_keys: {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('platform_signing_key')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('alg', 'text', (c) => c.notNull().check(sql`alg = 'ES256'`))
        .addColumn('use', 'text', (c) => c.notNull().check(sql`use = 'sig'`))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('active', 'retired', 'revoked')`),
        )
        .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
        .addColumn('private_jwk_enc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('activated_at', 'timestamptz')
        .addColumn('retired_at', 'timestamptz')
        .execute()
      // At most one active key, whatever two starting instances race to do.
      await db.schema
        .createIndex('platform_signing_key_one_active')
        .on('platform_signing_key')
        .column('status')
        .unique()
        .where(sql.ref('status'), '=', 'active')
        .execute()
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.dropTable('platform_signing_key').execute()
    },
  },
}
