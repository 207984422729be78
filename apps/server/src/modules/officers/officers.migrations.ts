import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

// Plain SQL: the CHECK constraints say the unit hierarchy's rules where a bad seed cannot slip past them.
const init = `
CREATE TABLE officers_unit (
  code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  level text NOT NULL CHECK (level IN ('central', 'province', 'commune', 'immigration_office')),
  parent_code text COLLATE "C" REFERENCES officers_unit (code),
  province_code char(3) CHECK (province_code ~ '^[0-9]{3}$'),
  CHECK (level <> 'central' OR (parent_code IS NULL AND province_code IS NULL)),
  CHECK (level NOT IN ('province', 'commune') OR province_code IS NOT NULL),
  CHECK (level <> 'commune' OR parent_code IS NOT NULL)
);

CREATE TABLE officers_officer (
  id uuid PRIMARY KEY,
  officer_number text COLLATE "C" NOT NULL UNIQUE CHECK (officer_number ~ '^CB-[0-9]{4,8}$'),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  unit_code text COLLATE "C" NOT NULL REFERENCES officers_unit (code),
  roles text[] NOT NULL CHECK (
    cardinality(roles) > 0
    AND roles <@ ARRAY['receiving_officer', 'approver', 'immigration_officer', 'supervisor', 'administrator']::text[]
  ),
  status text NOT NULL CHECK (status IN ('active', 'suspended')),
  password_hash text NOT NULL,
  totp_sealed bytea NOT NULL,
  totp_confirmed_at timestamptz,
  totp_last_step integer,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX officers_officer_unit ON officers_officer (unit_code);

CREATE TABLE officers_login_challenge (
  id uuid PRIMARY KEY,
  officer_id uuid NOT NULL REFERENCES officers_officer (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX officers_login_challenge_expires ON officers_login_challenge (expires_at);

CREATE TABLE officers_session (
  id uuid PRIMARY KEY,
  officer_id uuid NOT NULL REFERENCES officers_officer (id),
  token_hash text COLLATE "C" NOT NULL UNIQUE,
  csrf_hash text COLLATE "C" NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text,
  CHECK (absolute_expires_at > created_at)
);
CREATE INDEX officers_session_live ON officers_session (officer_id) WHERE revoked_at IS NULL;
`

// First login (docs/officers.md): a one-time password, then the officer's own password and authenticator.
// Officers who never logged in under the first increment enrol at their first login like new ones.
const firstLogin = `
ALTER TABLE officers_officer ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
ALTER TABLE officers_officer ALTER COLUMN password_change_required DROP DEFAULT;
ALTER TABLE officers_officer ALTER COLUMN totp_sealed DROP NOT NULL;
UPDATE officers_officer SET totp_sealed = NULL, password_change_required = true WHERE totp_confirmed_at IS NULL;
ALTER TABLE officers_officer ADD CONSTRAINT officers_officer_totp_enrolled
  CHECK ((totp_sealed IS NULL) = (totp_confirmed_at IS NULL));
ALTER TABLE officers_officer ADD CONSTRAINT officers_officer_enrols_with_one_time_password
  CHECK (totp_sealed IS NOT NULL OR password_change_required);
CREATE INDEX officers_officer_active_admins ON officers_officer (status) WHERE 'administrator' = ANY (roles);

ALTER TABLE officers_session ADD COLUMN stage text NOT NULL DEFAULT 'full'
  CHECK (stage IN ('password_change', 'totp_enrolment', 'full'));
ALTER TABLE officers_session ALTER COLUMN stage DROP DEFAULT;
ALTER TABLE officers_session ADD COLUMN pending_password_hash text;
ALTER TABLE officers_session ADD COLUMN pending_totp_sealed bytea;
ALTER TABLE officers_session ADD CONSTRAINT officers_session_pending_only_while_setting_up
  CHECK (stage <> 'full' OR (pending_password_hash IS NULL AND pending_totp_sealed IS NULL))
`

// One statement at a time: prepared statements (pg and PGlite) take a single command.
const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const officersMigrations: ModuleMigrations = {
  officers_0001_units_officers_sessions: {
    up: async (db: Kysely<unknown>) => {
      await run(db, init)
    },
    down: async (db: Kysely<unknown>) => {
      await sql
        .raw('DROP TABLE officers_session, officers_login_challenge, officers_officer, officers_unit')
        .execute(db)
    },
  },
  officers_0002_first_login: {
    up: async (db: Kysely<unknown>) => {
      await run(db, firstLogin)
    },
    down: async (db: Kysely<unknown>) => {
      await run(
        db,
        `ALTER TABLE officers_session DROP COLUMN stage, DROP COLUMN pending_password_hash, DROP COLUMN pending_totp_sealed;
        DROP INDEX officers_officer_active_admins;
        ALTER TABLE officers_officer DROP CONSTRAINT officers_officer_enrols_with_one_time_password,
          DROP CONSTRAINT officers_officer_totp_enrolled, DROP COLUMN password_change_required`,
      )
    },
  },
}
