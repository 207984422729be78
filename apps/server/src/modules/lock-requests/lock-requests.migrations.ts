import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

const init = `
CREATE TABLE lock_requests_request (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('lock', 'unlock')),
  ground text NOT NULL CHECK ((kind = 'lock' AND ground = 'lid_34_1_e') OR (kind = 'unlock' AND ground = 'authority_unlock')),
  subject_id text COLLATE "C" NOT NULL,
  account_id uuid NOT NULL,
  authority_name text NOT NULL,
  document_number text NOT NULL,
  document_date date NOT NULL,
  note text,
  state text NOT NULL CHECK (state IN ('recorded', 'forwarded', 'approved', 'refused', 'carried_out')),
  unit_code text NOT NULL,
  unit_level text NOT NULL,
  unit_province text,
  recorded_by uuid NOT NULL,
  recorded_by_number text NOT NULL,
  recorded_on date NOT NULL,
  forward_by date CHECK (forward_by >= recorded_on),
  forwarded_by uuid,
  forwarded_on date,
  decide_by date NOT NULL CHECK (decide_by >= recorded_on),
  decided_by uuid CHECK (decided_by <> recorded_by),
  decided_by_number text,
  decided_at timestamptz,
  refusal_reasons text,
  lock_id uuid,
  carried_out_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((state = 'recorded') = (forwarded_on IS NULL)),
  CHECK ((state IN ('approved', 'refused', 'carried_out')) = (decided_at IS NOT NULL)),
  CHECK ((state = 'refused') = (refusal_reasons IS NOT NULL)),
  CHECK ((state = 'carried_out') = (carried_out_at IS NOT NULL))
);
-- The deciding officers' queue: forwarded requests, earliest due first.
CREATE INDEX lock_requests_request_queue ON lock_requests_request (decide_by, recorded_on) WHERE state = 'forwarded';
-- One request in progress per account: a second counter records nothing until the first is decided.
CREATE UNIQUE INDEX lock_requests_request_open ON lock_requests_request (account_id) WHERE state IN ('recorded', 'forwarded');
CREATE INDEX lock_requests_request_subject ON lock_requests_request (subject_id, created_at);
`

// An authority may say until when its lock holds (D59 Art 19(4)(a), D69 Art 30): only a lock has an end, after
// the day it was recorded. The recording unit reads its own requests, newest first.
const lockUntil = `
ALTER TABLE lock_requests_request ADD COLUMN lock_until date;
ALTER TABLE lock_requests_request ADD CONSTRAINT lock_requests_request_lock_until CHECK (lock_until IS NULL OR (kind = 'lock' AND lock_until > recorded_on));
CREATE INDEX lock_requests_request_unit ON lock_requests_request (unit_code, created_at DESC, id DESC)
`
const lockUntilDown = `
DROP INDEX lock_requests_request_unit;
ALTER TABLE lock_requests_request DROP COLUMN lock_until
`

const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const lockRequestsMigrations: ModuleMigrations = {
  lock_requests_0001_init: {
    up: (db) => run(db, init),
    down: (db) => run(db, 'DROP TABLE lock_requests_request'),
  },
  lock_requests_0002_lock_until: {
    up: (db) => run(db, lockUntil),
    down: (db) => run(db, lockUntilDown),
  },
}
