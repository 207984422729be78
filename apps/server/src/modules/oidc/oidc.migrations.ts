import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'
import { clientNotifyDown, clientNotifyUp } from './clients.cache.migration.js'
import { applicationsDown, applicationsUp } from './onboarding.migration.js'
import { qrLoginDown, qrLoginUp } from './qr-login.migration.js'
import { linkIndexDown, linkIndexUp, sessionEndDown, sessionEndUp } from './session-end.migration.js'

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

// FAPI 2.0 (docs/oidc.md): a financial relying party authenticates with a key, never with a shared secret.
const fapi = `
ALTER TABLE oidc_client ADD COLUMN profile text NOT NULL DEFAULT 'baseline' CHECK (profile IN ('baseline', 'fapi2'));
ALTER TABLE oidc_client ADD CONSTRAINT oidc_client_fapi2_key CHECK (profile <> 'fapi2' OR auth_method = 'private_key_jwt')
`

// RP-initiated and back-channel logout (docs/oidc.md): where a relying party may be sent after logout,
// and where the provider posts its logout tokens.
const logout = `
ALTER TABLE oidc_client ADD COLUMN post_logout_redirect_uris text[] NOT NULL DEFAULT '{}' CHECK (cardinality(post_logout_redirect_uris) <= 20);
ALTER TABLE oidc_client ADD COLUMN backchannel_logout_uri text CHECK (backchannel_logout_uri ~ '^https?://')
`

// The scopes a client may be registered for (clients.schemas.ts KNOWN_SCOPES): address, phone, email and
// vn_verified added to the column's CHECK.
const scopesCheck = (scopes: string[]) => `
ALTER TABLE oidc_client DROP CONSTRAINT oidc_client_scopes_check;
ALTER TABLE oidc_client ADD CONSTRAINT oidc_client_scopes_check CHECK (
  'openid' = ANY (scopes) AND scopes <@ ARRAY[${scopes.map((s) => `'${s}'`).join(', ')}]::text[]
)
`
const SCOPES_0002 = ['openid', 'profile', 'vn_id', 'offline_access']
const SCOPES_0006 = [...SCOPES_0002, 'address', 'phone', 'email', 'vn_verified']

// One statement at a time: the pg driver's extended protocol takes a single statement per query.
const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const oidcMigrations: ModuleMigrations = {
  // Every change of a client is announced, so that each process's client cache drops it (clients.cache.ts).
  oidc_0015_client_notify: { up: clientNotifyUp, down: clientNotifyDown },
  // A former dependent's connections list the consents representatives gave for them (consent.repository.ts).
  oidc_0016_grant_on_behalf_index: {
    up: (db: Kysely<unknown>) =>
      run(
        db,
        "CREATE INDEX oidc_payload_grant_on_behalf ON oidc_payload ((split_part(payload->>'accountId', ':', 2))) WHERE model = 'Grant' AND payload->>'accountId' LIKE 'for:%'",
      ),
    down: (db: Kysely<unknown>) => run(db, 'DROP INDEX oidc_payload_grant_on_behalf'),
  },
  // Back-channel logout when the accounts session behind a provider session ends (docs/oidc.md).
  oidc_0012_logout_delivery: { up: sessionEndUp, down: sessionEndDown },
  oidc_0013_link_by_accounts_session: { up: linkIndexUp, down: linkIndexDown },
  // An application may ask to let representatives sign in for dependents; approval gives it to the client.
  oidc_0014_application_dependents: {
    up: (db: Kysely<unknown>) =>
      run(db, 'ALTER TABLE oidc_application ADD COLUMN allow_dependents boolean NOT NULL DEFAULT false'),
    down: (db: Kysely<unknown>) => run(db, 'ALTER TABLE oidc_application DROP COLUMN allow_dependents'),
  },
  // A relying party may let a representative sign in for a dependent (docs/oidc.md, "Acting for a dependent").
  oidc_0011_client_dependents: {
    up: (db: Kysely<unknown>) =>
      run(db, 'ALTER TABLE oidc_client ADD COLUMN allow_dependents boolean NOT NULL DEFAULT false'),
    down: (db: Kysely<unknown>) => run(db, 'ALTER TABLE oidc_client DROP COLUMN allow_dependents'),
  },
  // Login by QR code approved in the citizen app (docs/oidc.md, "QR login").
  oidc_0010_qr_login: { up: qrLoginUp, down: qrLoginDown },
  // The citizen's connected services (consent.repository.ts) are their live grants, found by account.
  oidc_0005_grant_account_index: {
    up: async (db: Kysely<unknown>) => {
      await run(
        db,
        "CREATE INDEX oidc_payload_grant_account ON oidc_payload ((payload->>'accountId')) WHERE model = 'Grant'",
      )
    },
    down: async (db: Kysely<unknown>) => {
      await run(db, 'DROP INDEX oidc_payload_grant_account')
    },
  },
  oidc_0004_logout: {
    up: async (db: Kysely<unknown>) => {
      await run(db, logout)
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.alterTable('oidc_client').dropColumn('post_logout_redirect_uris').execute()
      await db.schema.alterTable('oidc_client').dropColumn('backchannel_logout_uri').execute()
    },
  },
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
  // A client may use the client_credentials grant only when registered for it (docs/oidc.md).
  oidc_0008_client_credentials: {
    up: async (db: Kysely<unknown>) => {
      await run(db, 'ALTER TABLE oidc_client ADD COLUMN client_credentials boolean NOT NULL DEFAULT false')
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.alterTable('oidc_client').dropColumn('client_credentials').execute()
    },
  },
  oidc_0003_fapi: {
    up: async (db: Kysely<unknown>) => {
      await run(db, fapi)
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.alterTable('oidc_client').dropColumn('profile').execute()
    },
  },
  oidc_0006_scopes: {
    up: (db: Kysely<unknown>) => run(db, scopesCheck(SCOPES_0006)),
    down: (db: Kysely<unknown>) => run(db, scopesCheck(SCOPES_0002)),
  },
  oidc_0007_applications: {
    up: (db: Kysely<unknown>) => run(db, applicationsUp),
    down: (db: Kysely<unknown>) => run(db, applicationsDown),
  },
}
