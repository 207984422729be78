import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../migrate.js'

export const outboxMigrations: ModuleMigrations = {
  platform_0002_outbox: {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('platform_outbox')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'email')`))
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('status', 'text', (c) =>
          c.notNull().defaultTo('queued').check(sql`status in ('queued', 'sending', 'sent', 'failed')`),
        )
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('sent_at', 'timestamptz')
        .execute()
      // Workers scan only the rows still to send.
      await db.schema
        .createIndex('platform_outbox_due_idx')
        .on('platform_outbox')
        .column('next_attempt_at')
        .where(sql.ref('status'), 'in', ['queued', 'sending'])
        .execute()
      await db.schema
        .createIndex('platform_outbox_recipient_idx')
        .on('platform_outbox')
        .columns(['recipient', 'created_at desc'])
        .execute()
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.dropTable('platform_outbox').execute()
    },
  },
  platform_0004_outbox_sequence: {
    up: async (db: Kysely<unknown>) => {
      await sql`ALTER TABLE platform_outbox ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`.execute(db)
    },
    down: async (db: Kysely<unknown>) => {
      await sql`ALTER TABLE platform_outbox DROP COLUMN seq`.execute(db)
    },
  },
}
