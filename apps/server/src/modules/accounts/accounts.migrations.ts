import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'
import { dropEidCardSql, eidCardSql } from './eid-card.migrations.js'
import {
  dropPasskeysSql,
  dropWebauthnBoundToSql,
  passkeysSql,
  webauthnBoundToSql,
} from './passkey.migrations.js'
import { dropSettingsSql, settingsSql } from './settings.migrations.js'

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

// The sessions that ended (revoked: a lock, a logout, a device removed), queued in the same statement for the
// OpenID provider, which ends the sessions they opened and empties the queue; a row goes with its session.
const sessionEnded = `
CREATE TABLE accounts_session_ended (
  session_id uuid PRIMARY KEY REFERENCES accounts_session ON DELETE CASCADE,
  ended_at timestamptz NOT NULL
);
CREATE INDEX accounts_session_ended_at ON accounts_session_ended (ended_at)
`

const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

// Devices a holder logged in from, login sessions (server-side, revocable) and the pending second step of a
// login from a new device. Tokens are stored as SHA-256 hashes only.
const sessions = `
CREATE TABLE accounts_device (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts_account ON DELETE CASCADE,
  device_hash text NOT NULL,
  name text NOT NULL,
  trusted_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz,
  UNIQUE (account_id, device_hash)
);
CREATE TABLE accounts_session (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts_account ON DELETE CASCADE,
  device_id uuid REFERENCES accounts_device ON DELETE SET NULL,
  token_hash text NOT NULL UNIQUE,
  csrf_hash text NOT NULL,
  methods text[] NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX accounts_session_account ON accounts_session (account_id) WHERE revoked_at IS NULL;
CREATE TABLE accounts_login_challenge (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts_account ON DELETE CASCADE,
  device_hash text NOT NULL,
  device_name text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
`

// Every lock of an account, open until lifted: the account is locked while any lock is open (DOMAIN §4).
const locks = `
CREATE TABLE accounts_lock (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts_account ON DELETE CASCADE,
  ground text NOT NULL,
  initiator text NOT NULL CHECK (initiator IN ('self', 'system', 'authority')),
  form text,
  locked_at timestamptz NOT NULL,
  unlocked_at timestamptz,
  unlocked_by text,
  CHECK ((unlocked_at IS NULL) = (unlocked_by IS NULL))
);
CREATE INDEX accounts_lock_open ON accounts_lock (account_id) WHERE unlocked_at IS NULL;
-- One open lock per ground and initiator: the lock job can run again and again.
CREATE UNIQUE INDEX accounts_lock_once ON accounts_lock (account_id, ground, initiator) WHERE unlocked_at IS NULL;
`

// A representative (parent, guardian) and a dependent (DOMAIN §5.3): under Decree 69 the dependent has an
// account of their own filed by the representative; under Decree 59 they are recorded under the
// representative's account (no account of their own).
const representation = `
CREATE TABLE accounts_representation (
  id uuid PRIMARY KEY,
  representative_account_id uuid NOT NULL REFERENCES accounts_account ON DELETE CASCADE,
  dependent_subject_id text COLLATE "C" NOT NULL,
  dependent_account_id uuid REFERENCES accounts_account ON DELETE SET NULL,
  relation text NOT NULL CHECK (relation IN ('parent', 'guardian')),
  regime text NOT NULL,
  created_at timestamptz NOT NULL,
  ended_at timestamptz,
  ended_reason text
);
CREATE UNIQUE INDEX accounts_representation_live ON accounts_representation (dependent_subject_id) WHERE ended_at IS NULL;
CREATE INDEX accounts_representation_rep ON accounts_representation (representative_account_id) WHERE ended_at IS NULL;
`

// Who placed a lock (the holder, a representative acting for them, the lock job, an authority's officer),
// and a dependent's account a representative locks before anyone activated it: only `active` needs activation.
const lockedBy = `
ALTER TABLE accounts_lock ADD COLUMN locked_by text;
ALTER TABLE accounts_account DROP CONSTRAINT accounts_account_check;
ALTER TABLE accounts_account ADD CONSTRAINT accounts_account_active_activated CHECK (status <> 'active' OR activated_at IS NOT NULL)
`
const lockedByDown = `
ALTER TABLE accounts_account DROP CONSTRAINT accounts_account_active_activated;
ALTER TABLE accounts_account ADD CONSTRAINT accounts_account_check CHECK (status = 'approved' OR activated_at IS NOT NULL OR status = 'closed');
ALTER TABLE accounts_lock DROP COLUMN locked_by
`

// An authority's lock may end on a day its letter gives (D59 Art 19(4)(a), D69 Art 30): the lock job finds them.
const authorityLockUntil = `
ALTER TABLE accounts_lock ADD COLUMN lock_until date;
ALTER TABLE accounts_lock ADD CONSTRAINT accounts_lock_until_authority CHECK (lock_until IS NULL OR initiator = 'authority');
CREATE INDEX accounts_lock_until ON accounts_lock (lock_until) WHERE unlocked_at IS NULL AND lock_until IS NOT NULL
`
const authorityLockUntilDown = `
DROP INDEX accounts_lock_until;
ALTER TABLE accounts_lock DROP COLUMN lock_until
`

export const accountsMigrations: ModuleMigrations = {
  accounts_0001_init: {
    up: (db) => run(db, init),
    down: (db) => run(db, 'DROP TABLE accounts_dossier, accounts_account'),
  },
  accounts_0002_sessions: {
    up: (db) => run(db, sessions),
    down: (db) => run(db, 'DROP TABLE accounts_login_challenge, accounts_session, accounts_device'),
  },
  accounts_0003_locks: {
    up: (db) => run(db, locks),
    down: (db) => run(db, 'DROP TABLE accounts_lock'),
  },
  accounts_0004_representation: {
    up: (db) => run(db, representation),
    down: (db) => run(db, 'DROP TABLE accounts_representation'),
  },
  accounts_0005_passkeys: {
    up: (db) => run(db, passkeysSql),
    down: (db) => run(db, dropPasskeysSql),
  },
  accounts_0006_locks_for_dependents: {
    up: (db) => run(db, lockedBy),
    down: (db) => run(db, lockedByDown),
  },
  accounts_0007_eid_cards: {
    up: (db) => run(db, eidCardSql),
    down: (db) => run(db, dropEidCardSql),
  },
  accounts_0008_authority_lock_until: {
    up: (db) => run(db, authorityLockUntil),
    down: (db) => run(db, authorityLockUntilDown),
  },
  accounts_0009_settings_web_qr_login: {
    up: (db) => run(db, settingsSql),
    down: (db) => run(db, dropSettingsSql),
  },
  accounts_0010_webauthn_challenge_bound_to: {
    up: (db) => run(db, webauthnBoundToSql),
    down: (db) => run(db, dropWebauthnBoundToSql),
  },
  accounts_0011_session_ended: {
    up: (db) => run(db, sessionEnded),
    down: (db) => run(db, 'DROP TABLE accounts_session_ended'),
  },
}
