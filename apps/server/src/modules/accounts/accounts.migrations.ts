import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

const init = `
CREATE TABLE accounts_account (
  id uuid PRIMARY KEY,
  subject_id text COLLATE "C" NOT NULL UNIQUE CHECK (subject_id ~ '^([0-9]{12}|NN[0-9]{10})$'),
  subject_kind text NOT NULL CHECK (subject_kind IN ('citizen', 'foreigner')),
  level smallint NOT NULL CHECK (level IN (1, 2)),
  status text NOT NULL CHECK (status IN ('approved', 'active', 'locked', 'closed')),
  phone text NOT NULL CHECK (phone ~ '^\\+[1-9][0-9]{7,14}$'),
  email text,
  password_hash text,
  passcode_hash text,
  -- Two security questions: their ids and Argon2id hashes of the normalised answers.
  security_qa jsonb,
  created_via text NOT NULL CHECK (created_via IN ('app', 'counter', 'representative')),
  dossier_id uuid,
  created_at timestamptz NOT NULL,
  approved_at timestamptz NOT NULL,
  activated_at timestamptz,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (status = 'approved' OR activated_at IS NOT NULL OR status = 'closed')
);

CREATE TABLE accounts_dossier (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('CITIZEN_L1_APP', 'FOREIGNER_L1_APP')),
  subject_id text COLLATE "C" NOT NULL,
  declared jsonb NOT NULL,
  phone text NOT NULL,
  email text,
  selfie_enc bytea,
  state text NOT NULL CHECK (state IN ('submitted', 'pending_verification', 'approved', 'rejected')),
  received_on date NOT NULL,
  due_on date NOT NULL CHECK (due_on >= received_on),
  reason text,
  verification_id uuid,
  account_id uuid,
  claimed_at timestamptz,
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  CHECK ((state IN ('approved', 'rejected')) = (decided_at IS NOT NULL)),
  CHECK (state <> 'rejected' OR reason IS NOT NULL)
);
-- The processor claims the oldest waiting dossiers (and the officer queue lists them by due date).
CREATE INDEX accounts_dossier_waiting ON accounts_dossier (created_at) WHERE state IN ('submitted', 'pending_verification');
CREATE INDEX accounts_dossier_subject ON accounts_dossier (subject_id, created_at);
`

const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const accountsMigrations: ModuleMigrations = {
  accounts_0001_init: {
    up: (db) => run(db, init),
    down: (db) => run(db, 'DROP TABLE accounts_dossier, accounts_account'),
  },
}
