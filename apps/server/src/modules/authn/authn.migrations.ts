import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

// Plain SQL: the CHECK constraints and partial indexes read more clearly than the schema builder.
const init = `
CREATE TABLE authn_otp (
  id uuid PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('activation', 'login_new_device', 'password_reset', 'phone_change_old', 'phone_change_new', 'email_change', 'step_up', 'unlock')),
  subject_hash text COLLATE "C" NOT NULL,
  code_hash text COLLATE "C" NOT NULL,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL CHECK (max_attempts > 0),
  consumed_at timestamptz,
  CHECK (attempts <= max_attempts)
);
-- At most one live code per purpose and subject: verification updates it by (purpose, subject) alone.
CREATE UNIQUE INDEX authn_otp_live ON authn_otp (purpose, subject_hash) WHERE consumed_at IS NULL;
CREATE INDEX authn_otp_subject ON authn_otp (purpose, subject_hash, created_at DESC);
CREATE INDEX authn_otp_expires ON authn_otp (expires_at);

CREATE TABLE authn_rate_limit (
  key text COLLATE "C" NOT NULL,
  window_seconds integer NOT NULL CHECK (window_seconds > 0),
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (key, window_seconds, window_start)
);
CREATE INDEX authn_rate_limit_expires ON authn_rate_limit (expires_at);

CREATE TABLE authn_login_failure (
  account text COLLATE "C" NOT NULL,
  source text COLLATE "C" NOT NULL,
  failures integer NOT NULL CHECK (failures > 0),
  first_failed_at timestamptz NOT NULL,
  last_failed_at timestamptz NOT NULL,
  locked_until timestamptz,
  PRIMARY KEY (account, source)
);
CREATE INDEX authn_login_failure_last ON authn_login_failure (last_failed_at);
`

// Plan-cached functions for the hot paths: each saves round trips and planning (PGlite plans every statement).
const functions = [
  `
-- One hit on each key (in the window starting at p_starts[i], epoch seconds): current and previous counts.
CREATE FUNCTION authn_rate_hit(p_keys text[], p_windows int[], p_starts float8[])
RETURNS TABLE (current int, previous int) LANGUAGE plpgsql AS $$
DECLARE
  i int;
  s timestamptz;
BEGIN
  FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
    s := to_timestamp(p_starts[i]);
    INSERT INTO authn_rate_limit AS r (key, window_seconds, window_start, count, expires_at)
    VALUES (p_keys[i], p_windows[i], s, 1, s + make_interval(secs => 2 * p_windows[i]))
    ON CONFLICT (key, window_seconds, window_start) DO UPDATE SET count = r.count + 1
    RETURNING r.count INTO current;
    SELECT r.count INTO previous FROM authn_rate_limit r
    WHERE r.key = p_keys[i] AND r.window_seconds = p_windows[i]
      AND r.window_start = s - make_interval(secs => p_windows[i]);
    previous := coalesce(previous, 0);
    RETURN NEXT;
  END LOOP;
END $$`,
  `
-- Replaces the pending code of a purpose and subject with a new one, unless the pending one was made after
-- p_resend_before: then nothing changes and its creation time is returned (NULL: replaced).
CREATE FUNCTION authn_otp_replace(p_id uuid, p_purpose text, p_subject text, p_code_hash text, p_channel text,
  p_now timestamptz, p_expires timestamptz, p_max int, p_resend_before timestamptz)
RETURNS timestamptz LANGUAGE plpgsql AS $$
DECLARE
  pending timestamptz;
BEGIN
  SELECT max(created_at) INTO pending FROM authn_otp
  WHERE purpose = p_purpose AND subject_hash = p_subject AND consumed_at IS NULL;
  IF pending > p_resend_before THEN
    RETURN pending;
  END IF;
  DELETE FROM authn_otp WHERE purpose = p_purpose AND subject_hash = p_subject AND consumed_at IS NULL;
  INSERT INTO authn_otp (id, purpose, subject_hash, code_hash, channel, created_at, expires_at, max_attempts)
  VALUES (p_id, p_purpose, p_subject, p_code_hash, p_channel, p_now, p_expires, p_max);
  RETURN NULL;
END $$`,
]

const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const authnMigrations: ModuleMigrations = {
  authn_0001_init: {
    up: async (db) => {
      await run(db, init)
      for (const f of functions) await sql.raw(f).execute(db)
    },
    down: (db) =>
      run(
        db,
        'DROP FUNCTION authn_otp_replace; DROP FUNCTION authn_rate_hit; DROP TABLE authn_login_failure, authn_rate_limit, authn_otp',
      ),
  },
}
