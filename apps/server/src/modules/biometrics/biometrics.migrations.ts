import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

// Plain SQL: the CHECK constraints read more clearly than the schema builder.
const init = `
CREATE TABLE biometrics_template (
  subject_id text COLLATE "C" NOT NULL CHECK (subject_id ~ '^([0-9]{12}|NN[0-9]{10})$'),
  modality text NOT NULL CHECK (modality IN ('face', 'fingerprint')),
  position smallint NOT NULL CHECK ((modality = 'face' AND position = 0) OR (modality = 'fingerprint' AND position BETWEEN 1 AND 10)),
  model_version text NOT NULL,
  template_enc bytea NOT NULL,
  image_enc bytea,
  image_type text,
  quality smallint CHECK (quality BETWEEN 0 AND 100),
  source text NOT NULL CHECK (source IN ('registry', 'counter', 'app', 'synthetic')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (subject_id, modality, position, model_version)
);
-- The 1:N gallery loads every face of one model, in order, and then follows what is newer.
CREATE INDEX biometrics_template_gallery ON biometrics_template (model_version, created_at) WHERE modality = 'face';

CREATE TABLE biometrics_verification (
  id uuid PRIMARY KEY,
  subject_id text COLLATE "C" NOT NULL,
  modality text NOT NULL CHECK (modality IN ('face', 'fingerprint')),
  use text NOT NULL CHECK (use IN ('app_selfie', 'counter_capture', 'payment')),
  model_version text NOT NULL,
  score real,
  threshold real NOT NULL,
  decision text NOT NULL CHECK (decision IN ('match', 'no_match', 'quality_rejected', 'spoof_suspected')),
  reason_code text,
  probe_enc bytea,
  probe_type text,
  actor text NOT NULL,
  purpose text NOT NULL,
  created_at timestamptz NOT NULL,
  reviewed_by text,
  reviewed_at timestamptz,
  review_outcome text CHECK (review_outcome IN ('confirmed', 'overturned')),
  review_note text,
  CHECK ((reviewed_by IS NULL) = (review_outcome IS NULL))
);
CREATE INDEX biometrics_verification_subject ON biometrics_verification (subject_id, created_at);
`

const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const biometricsMigrations: ModuleMigrations = {
  biometrics_0001_init: {
    up: (db) => run(db, init),
    down: (db) => run(db, 'DROP TABLE biometrics_verification, biometrics_template'),
  },
}
