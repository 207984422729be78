import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

const init = `
CREATE TABLE enrolment_counter_dossier (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('CITIZEN_L2_COUNTER', 'FOREIGNER_L2_COUNTER')),
  subject_id text COLLATE "C" NOT NULL,
  full_name text NOT NULL,
  date_of_birth text NOT NULL,
  phone text NOT NULL,
  email text,
  documents jsonb NOT NULL,
  card_request jsonb,
  state text NOT NULL CHECK (state IN ('draft', 'awaiting_confirmation', 'submitted', 'approved', 'rejected', 'cancelled')),
  unit_code text NOT NULL,
  unit_level text NOT NULL,
  unit_province text,
  received_by uuid NOT NULL,
  received_by_number text NOT NULL,
  face_verification_id uuid,
  fingerprint_verification_id uuid,
  biometrics_enrolled boolean NOT NULL DEFAULT false,
  biometrics_verified_at timestamptz,
  citizen_confirmed_at timestamptz,
  confirmation_statement text,
  received_on date,
  due_on date CHECK (due_on >= received_on),
  due_case text,
  card_application_id uuid,
  decided_by uuid,
  decided_at timestamptz,
  reason text,
  account_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((state IN ('draft', 'cancelled')) OR face_verification_id IS NOT NULL),
  CHECK ((state IN ('draft', 'awaiting_confirmation', 'cancelled')) = (received_on IS NULL)),
  CHECK ((state IN ('approved', 'rejected')) = (decided_at IS NOT NULL)),
  CHECK (state <> 'rejected' OR reason IS NOT NULL)
);
-- The approvers' queue: submitted dossiers, oldest due first.
CREATE INDEX enrolment_counter_dossier_queue ON enrolment_counter_dossier (due_on, received_on) WHERE state = 'submitted';
CREATE INDEX enrolment_counter_dossier_subject ON enrolment_counter_dossier (subject_id, created_at);
-- One open dossier per person: a second counter cannot start another while one is in progress.
CREATE UNIQUE INDEX enrolment_counter_dossier_open ON enrolment_counter_dossier (subject_id) WHERE state IN ('draft', 'awaiting_confirmation', 'submitted');

CREATE TABLE enrolment_card_application (
  id uuid PRIMARY KEY,
  personal_id text COLLATE "C" NOT NULL CHECK (personal_id ~ '^[0-9]{12}$'),
  kind text NOT NULL CHECK (kind IN ('issue', 'renewal', 'reissue')),
  reason text NOT NULL,
  state text NOT NULL CHECK (state IN ('received', 'approved', 'produced', 'delivered', 'rejected')),
  dossier_id uuid REFERENCES enrolment_counter_dossier,
  unit_code text NOT NULL,
  unit_level text NOT NULL,
  unit_province text,
  received_by uuid NOT NULL,
  received_on date NOT NULL,
  due_on date NOT NULL CHECK (due_on >= received_on),
  decided_by uuid,
  decided_at timestamptz,
  rejection_reason text,
  produced_at timestamptz,
  card_issued_on date,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (state <> 'rejected' OR rejection_reason IS NOT NULL),
  CHECK (state NOT IN ('produced', 'delivered') OR card_issued_on IS NOT NULL)
);
CREATE UNIQUE INDEX enrolment_card_application_open ON enrolment_card_application (personal_id) WHERE state IN ('received', 'approved');
`

const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const enrolmentMigrations: ModuleMigrations = {
  enrolment_0001_init: {
    up: (db) => run(db, init),
    down: (db) => run(db, 'DROP TABLE enrolment_card_application, enrolment_counter_dossier'),
  },
  // The card-application list: earliest due first, in a province or at one counter.
  enrolment_0002_card_list: {
    up: (db) =>
      run(
        db,
        `CREATE INDEX enrolment_card_application_due ON enrolment_card_application (due_on, created_at, id);
         CREATE INDEX enrolment_card_application_province ON enrolment_card_application (unit_province, due_on);
         CREATE INDEX enrolment_card_application_unit ON enrolment_card_application (unit_code, due_on)`,
      ),
    down: (db) =>
      run(
        db,
        'DROP INDEX enrolment_card_application_due, enrolment_card_application_province, enrolment_card_application_unit',
      ),
  },
}
