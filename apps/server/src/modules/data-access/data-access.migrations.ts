import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

// A plain append-only table, not the hash-chained audit log: a row per userinfo call is too many for a
// chain whose appends take one lock in turn (docs/data-access.md).
const table = `
CREATE TABLE data_access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_id text COLLATE "C" NOT NULL CHECK (subject_id ~ '^([0-9]{12}|NN[0-9]{10})$'),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('relying_party', 'verifier', 'agency')),
  recipient_id text COLLATE "C" NOT NULL CHECK (length(recipient_id) BETWEEN 1 AND 200),
  recipient_name text NOT NULL CHECK (length(recipient_name) BETWEEN 1 AND 200),
  channel text COLLATE "C" NOT NULL CHECK (channel ~ '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$'),
  claims text[] NOT NULL CHECK (cardinality(claims) BETWEEN 1 AND 64),
  purpose text CHECK (length(purpose) <= 500),
  at timestamptz NOT NULL,
  request_id text CHECK (length(request_id) <= 200)
)`

// The citizen's page reads newest first; id breaks ties between releases in the same instant.
const index = 'CREATE INDEX data_access_log_subject_at ON data_access_log (subject_id, at DESC, id DESC)'

// Rows are never changed; deleting is left for the retention purge (5 years, D69 Art 28).
const refuse = `
CREATE FUNCTION data_access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'data_access_log is append-only: % refused', tg_op USING errcode = '42501';
END $$`
const noUpdate = `CREATE TRIGGER data_access_log_append_only BEFORE UPDATE ON data_access_log
  FOR EACH ROW EXECUTE FUNCTION data_access_log_refuse_change()`
const noTruncate = `CREATE TRIGGER data_access_log_no_truncate BEFORE TRUNCATE ON data_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION data_access_log_refuse_change()`

// A release made while a representative signed in for a dependent (docs/oidc.md, "Acting for a dependent"):
// the row stays under the dependent, whose data left, and names the representative who chose to share it.
const onBehalf = `
ALTER TABLE data_access_log ADD COLUMN representative_id text COLLATE "C"
  CHECK (representative_id ~ '^([0-9]{12}|NN[0-9]{10})$' AND representative_id <> subject_id)`

export const dataAccessMigrations: ModuleMigrations = {
  data_access_0002_on_behalf: {
    up: async (db: Kysely<unknown>) => {
      await sql.raw(onBehalf).execute(db)
    },
    down: async (db: Kysely<unknown>) => {
      await sql.raw('ALTER TABLE data_access_log DROP COLUMN representative_id').execute(db)
    },
  },
  data_access_0001_log: {
    up: async (db: Kysely<unknown>) => {
      // One statement at a time: the pg driver's extended protocol takes a single statement per query.
      for (const statement of [table, index, refuse, noUpdate, noTruncate])
        await sql.raw(statement).execute(db)
    },
    down: async (db: Kysely<unknown>) => {
      await sql.raw('DROP TABLE data_access_log').execute(db)
      await sql.raw('DROP FUNCTION data_access_log_refuse_change()').execute(db)
    },
  },
}
