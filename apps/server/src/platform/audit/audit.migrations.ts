import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../migrate.js'

// Append-only in the database too: normal roles can INSERT and SELECT, never UPDATE, DELETE or TRUNCATE.
// Deliberate repair or test tampering needs a superuser: `SET LOCAL session_replication_role = replica`.
export const auditMigrations: ModuleMigrations = {
  platform_0001_audit: {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('platform_audit_event')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('id', 'uuid', (c) => c.notNull().unique())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) =>
          c
            .notNull()
            .check(sql`actor_kind in ('citizen', 'officer', 'system', 'relying_party', 'representative')`),
        )
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('subject_kind', 'text')
        .addColumn('purpose', 'text')
        .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('request_id', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .execute()
      await db.schema
        .createIndex('platform_audit_event_subject_idx')
        .on('platform_audit_event')
        .columns(['subject', 'seq desc'])
        .execute()
      // Lets the verifier find where a broken link points to.
      await db.schema
        .createIndex('platform_audit_event_prev_hash_idx')
        .on('platform_audit_event')
        .column('prev_hash')
        .execute()
      await sql`
        create function platform_audit_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception 'platform_audit_event is append-only: % refused', tg_op using errcode = '42501';
        end $$`.execute(db)
      await sql`
        create trigger platform_audit_event_append_only before update or delete on platform_audit_event
        for each row execute function platform_audit_refuse_change()`.execute(db)
      await sql`
        create trigger platform_audit_event_no_truncate before truncate on platform_audit_event
        for each statement execute function platform_audit_refuse_change()`.execute(db)
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.dropTable('platform_audit_event').execute()
      await sql`drop function platform_audit_refuse_change()`.execute(db)
    },
  },
}
