// Passkeys and their challenges, and the step-up of a session (DOMAIN §2.3; issue 4, "Login and sessions").
export const passkeysSql = `
CREATE TABLE accounts_passkey (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts_account ON DELETE CASCADE,
  credential_id text COLLATE "C" NOT NULL UNIQUE,
  public_key bytea NOT NULL,
  counter bigint NOT NULL CHECK (counter >= 0),
  transports text[] NOT NULL,
  device_type text NOT NULL,
  backed_up boolean NOT NULL,
  aaguid text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX accounts_passkey_account ON accounts_passkey (account_id) WHERE revoked_at IS NULL;
CREATE TABLE accounts_webauthn_challenge (
  id uuid PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('register', 'login', 'step_up')),
  challenge text NOT NULL,
  account_id uuid REFERENCES accounts_account ON DELETE CASCADE,
  session_id uuid REFERENCES accounts_session ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz,
  CHECK (purpose = 'login' OR (account_id IS NOT NULL AND session_id IS NOT NULL))
);
CREATE INDEX accounts_webauthn_challenge_expiry ON accounts_webauthn_challenge (expires_at);
-- The latest step-up inside a session: when, and with which method ('pin', 'hwk').
ALTER TABLE accounts_session ADD COLUMN step_up_at timestamptz;
ALTER TABLE accounts_session ADD COLUMN step_up_method text;
`

export const dropPasskeysSql =
  'ALTER TABLE accounts_session DROP COLUMN step_up_method; ALTER TABLE accounts_session DROP COLUMN step_up_at; DROP TABLE accounts_webauthn_challenge, accounts_passkey'

// A username-less login challenge may also be bound to something outside a session: the OpenID provider's
// login interaction that asked for it ('oidc:<uid>'), so another interaction cannot spend it (issue 6).
export const webauthnBoundToSql = 'ALTER TABLE accounts_webauthn_challenge ADD COLUMN bound_to text'
export const dropWebauthnBoundToSql = 'ALTER TABLE accounts_webauthn_challenge DROP COLUMN bound_to'
