import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

const sessions = [
  `CREATE TABLE sharing_session (
  id uuid PRIMARY KEY,
  subject_id text COLLATE "C" NOT NULL,
  token_hash text COLLATE "C" NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('basic', 'card', 'document', 'app-check')),
  document_id uuid CHECK ((kind = 'document') = (document_id IS NOT NULL)),
  status text NOT NULL CHECK (status IN ('pending', 'redeemed', 'cancelled')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
  redeemed_at timestamptz,
  redeemer_kind text CHECK (redeemer_kind IN ('verifier', 'app_check')),
  redeemer_id text,
  redeemer_name text,
  cancelled_at timestamptz,
  CHECK ((status = 'redeemed') = (redeemed_at IS NOT NULL AND redeemer_kind IS NOT NULL AND redeemer_id IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
)`,
  // The holder's pending shares are counted on every new one; the sweep deletes by expiry.
  'CREATE INDEX sharing_session_subject ON sharing_session (subject_id, expires_at)',
  'CREATE INDEX sharing_session_expiry ON sharing_session (expires_at)',
]

// One statement at a time: the pg driver's extended protocol takes a single statement per query.
const run = async (db: Kysely<unknown>, statements: readonly string[]) => {
  for (const s of statements) await sql.raw(s).execute(db)
}

export const sharingMigrations: ModuleMigrations = {
  sharing_0001_sessions: {
    up: (db) => run(db, sessions),
    down: (db) => run(db, ['DROP TABLE sharing_session']),
  },
}
