import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

// Plain SQL: the partial indexes serve oidc-provider's lookups by grant, session uid and device user code.
const payloads = `
CREATE TABLE oidc_payload (
  model text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  payload jsonb NOT NULL,
  grant_id text COLLATE "C",
  uid text COLLATE "C",
  user_code text COLLATE "C",
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_payload_grant ON oidc_payload (grant_id) WHERE grant_id IS NOT NULL;
CREATE UNIQUE INDEX oidc_payload_uid ON oidc_payload (model, uid) WHERE uid IS NOT NULL;
CREATE UNIQUE INDEX oidc_payload_user_code ON oidc_payload (model, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_payload_expires ON oidc_payload (expires_at) WHERE expires_at IS NOT NULL;
`

const clients = `
CREATE TABLE oidc_client (
  client_id text COLLATE "C" PRIMARY KEY CHECK (client_id ~ '^[A-Za-z0-9_-]{8,64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  purpose text CHECK (length(purpose) <= 500),
  auth_method text NOT NULL CHECK (auth_method IN ('client_secret_basic', 'client_secret_post', 'private_key_jwt')),
  secret_hash text,
  jwks jsonb,
  redirect_uris text[] NOT NULL CHECK (cardinality(redirect_uris) BETWEEN 1 AND 20),
  scopes text[] NOT NULL CHECK (
    'openid' = ANY (scopes) AND scopes <@ ARRAY['openid', 'profile', 'vn_id', 'offline_access']::text[]
  ),
  min_level smallint NOT NULL CHECK (min_level IN (1, 2)),
  sector text COLLATE "C" NOT NULL CHECK (length(sector) BETWEEN 1 AND 100),
  status text NOT NULL CHECK (status IN ('active', 'suspended')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- A secret for the secret methods, a key set for private_key_jwt: never both, never neither.
  CHECK ((auth_method = 'private_key_jwt') = (jwks IS NOT NULL AND secret_hash IS NULL)),
  CHECK ((auth_method <> 'private_key_jwt') = (secret_hash IS NOT NULL AND jwks IS NULL))
);
`

// One statement at a time: the pg driver's extended protocol takes a single statement per query.
const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const oidcMigrations: ModuleMigrations = {
  oidc_0001_payloads: {
    up: async (db: Kysely<unknown>) => {
      await run(db, payloads)
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.dropTable('oidc_payload').execute()
    },
  },
  oidc_0002_clients: {
    up: async (db: Kysely<unknown>) => {
      await run(db, clients)
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.dropTable('oidc_client').execute()
    },
  },
}
