import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

const run = async (db: Kysely<unknown>, statements: string[]) => {
  // One statement at a time: the pg driver's extended protocol takes a single statement per query.
  for (const statement of statements) await sql.raw(statement).execute(db)
}

const issuerKeys = [
  `CREATE TABLE credentials_issuer_key (
  kid text COLLATE "C" PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('sd-jwt', 'mdoc-iaca', 'mdoc-ds')),
  status text NOT NULL CHECK (status IN ('active', 'retired')),
  public_jwk jsonb NOT NULL,
  private_jwk_enc bytea NOT NULL,
  certificate text CHECK (certificate IS NOT NULL OR purpose = 'sd-jwt'),
  not_after timestamptz,
  created_at timestamptz NOT NULL,
  retired_at timestamptz CHECK ((status = 'retired') = (retired_at IS NOT NULL))
)`,
  // One active key per purpose, whatever two instances race to do.
  `CREATE UNIQUE INDEX credentials_issuer_key_one_active ON credentials_issuer_key (purpose) WHERE status = 'active'`,
]

const statusLists = [
  `CREATE TABLE credentials_status_list (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bits smallint NOT NULL DEFAULT 1 CHECK (bits = 1),
  size integer NOT NULL CHECK (size > 0 AND size % 8 = 0),
  next_index integer NOT NULL DEFAULT 0 CHECK (next_index BETWEEN 0 AND size),
  created_at timestamptz NOT NULL
)`,
]

const issued = [
  `CREATE TABLE credentials_issued (
  id uuid PRIMARY KEY,
  subject_id text COLLATE "C" NOT NULL CHECK (subject_id ~ '^[0-9]{12}$'),
  type text COLLATE "C" NOT NULL CHECK (length(type) BETWEEN 1 AND 200),
  format text NOT NULL CHECK (format IN ('dc+sd-jwt', 'mso_mdoc')),
  kid text COLLATE "C" NOT NULL REFERENCES credentials_issuer_key (kid),
  status_list_id integer NOT NULL REFERENCES credentials_status_list (id),
  status_index integer NOT NULL CHECK (status_index >= 0),
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > issued_at),
  revoked_at timestamptz,
  revocation_reason text CHECK (length(revocation_reason) <= 200),
  UNIQUE (status_list_id, status_index)
)`,
  'CREATE INDEX credentials_issued_subject ON credentials_issued (subject_id)',
  // Publishing a list reads only its revoked entries.
  'CREATE INDEX credentials_issued_revoked ON credentials_issued (status_list_id, status_index) WHERE revoked_at IS NOT NULL',
  // Which retired keys still sign a valid credential (and so stay published).
  'CREATE INDEX credentials_issued_kid_expiry ON credentials_issued (kid, expires_at)',
]

const holderNonce = [
  `CREATE TABLE credentials_holder_nonce (
  nonce_hash text COLLATE "C" PRIMARY KEY,
  account_id text COLLATE "C" NOT NULL CHECK (length(account_id) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
)`,
  // Cleaning takes the expired ones; the per-account cap counts one account's.
  'CREATE INDEX credentials_holder_nonce_expiry ON credentials_holder_nonce (expires_at)',
  'CREATE INDEX credentials_holder_nonce_account ON credentials_holder_nonce (account_id, created_at)',
]

const sourceRef = [
  `ALTER TABLE credentials_issued ADD COLUMN source_ref text COLLATE "C" CHECK (length(source_ref) BETWEEN 1 AND 100)`,
  // A change at the source revokes what was issued from it.
  'CREATE INDEX credentials_issued_source_ref ON credentials_issued (source_ref) WHERE source_ref IS NOT NULL',
]

// Verifiers' shared replay store for offline QRs (verifier-seen.*): one row per (verifier, presentation).
const verifierSeen = [
  `CREATE TABLE credentials_verifier_seen (
  client_id text COLLATE "C" NOT NULL CHECK (length(client_id) BETWEEN 1 AND 200),
  presentation text COLLATE "C" NOT NULL CHECK (presentation ~ '^[A-Za-z0-9_-]{43}$'),
  seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > seen_at),
  PRIMARY KEY (client_id, presentation)
)`,
  // The cleanup takes the expired ones.
  'CREATE INDEX credentials_verifier_seen_expiry ON credentials_verifier_seen (expires_at)',
]

export const credentialsMigrations: ModuleMigrations = {
  credentials_0001_issuer_keys: {
    up: (db) => run(db, issuerKeys),
    down: (db) => run(db, ['DROP TABLE credentials_issuer_key']),
  },
  credentials_0002_status_lists: {
    up: (db) => run(db, statusLists),
    down: (db) => run(db, ['DROP TABLE credentials_status_list']),
  },
  credentials_0003_issued: {
    up: (db) => run(db, issued),
    down: (db) => run(db, ['DROP TABLE credentials_issued']),
  },
  credentials_0004_holder_nonce: {
    up: (db) => run(db, holderNonce),
    down: (db) => run(db, ['DROP TABLE credentials_holder_nonce']),
  },
  credentials_0005_source_ref: {
    up: (db) => run(db, sourceRef),
    down: (db) => run(db, ['ALTER TABLE credentials_issued DROP COLUMN source_ref']),
  },
  credentials_0008_verifier_seen: {
    up: (db) => run(db, verifierSeen),
    down: (db) => run(db, ['DROP TABLE credentials_verifier_seen']),
  },
}
