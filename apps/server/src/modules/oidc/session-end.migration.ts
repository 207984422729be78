import { type Kysely, sql } from 'kysely'

// Back-channel logout tokens still to deliver after a citizen's accounts session ended elsewhere
// (session-end.table.ts): one row per (provider session, relying party), so none is queued twice.
const up = `
CREATE TABLE oidc_logout_delivery (
  id uuid PRIMARY KEY,
  session_uid text NOT NULL,
  client_id text NOT NULL,
  account_id text NOT NULL,
  sid text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  give_up_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (session_uid, client_id),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX oidc_logout_delivery_due ON oidc_logout_delivery (next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX oidc_logout_delivery_created ON oidc_logout_delivery (created_at)
`

export const sessionEndUp = async (db: Kysely<unknown>) => {
  for (const statement of up.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}
export const sessionEndDown = (db: Kysely<unknown>) => db.schema.dropTable('oidc_logout_delivery').execute()

// The sweep finds the provider sessions an ended accounts session opened by that session's id.
const linkIndex = `CREATE INDEX oidc_payload_accounts_session ON oidc_payload ((payload->>'accountsSessionId'))
  WHERE model = 'AccountsSessionLink'`
export const linkIndexUp = async (db: Kysely<unknown>) => {
  await sql.raw(linkIndex).execute(db)
}
export const linkIndexDown = async (db: Kysely<unknown>) => {
  await sql.raw('DROP INDEX oidc_payload_accounts_session').execute(db)
}
