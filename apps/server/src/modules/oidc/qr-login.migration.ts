import { type Kysely, sql } from 'kysely'

// QR login requests (qr-login.table.ts); the CHECKs hold the state machine's invariants.
const up = `
CREATE TABLE oidc_qr_login (
  id uuid PRIMARY KEY,
  code_hash text COLLATE "C" NOT NULL UNIQUE,
  interaction_uid text NOT NULL,
  client_id text NOT NULL,
  browser text NOT NULL,
  ip text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'approved', 'refused', 'used')),
  scanned_by text,
  account_id text,
  amr text[],
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  decided_at timestamptz,
  used_at timestamptz,
  CHECK ((state IN ('approved', 'used')) = (account_id IS NOT NULL)),
  CHECK ((state = 'pending') = (decided_at IS NULL)),
  CHECK ((state = 'used') = (used_at IS NOT NULL))
);
CREATE INDEX oidc_qr_login_interaction ON oidc_qr_login (interaction_uid);
CREATE INDEX oidc_qr_login_expiry ON oidc_qr_login (expires_at)
`

export const qrLoginUp = async (db: Kysely<unknown>) => {
  for (const statement of up.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}
export const qrLoginDown = (db: Kysely<unknown>) => db.schema.dropTable('oidc_qr_login').execute()
