import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

/** The sandbox source systems' tables, one record table and one change feed each. */
export const SOURCE_TABLES = [
  'src_driving_licences',
  'src_vehicle_registrations',
  'src_health_insurance_cards',
  'src_social_insurance_numbers',
  'src_tax_codes',
] as const
export type SourceTable = (typeof SOURCE_TABLES)[number]

const sourceTable = (t: SourceTable) => [
  `CREATE TABLE ${t} (
  number text COLLATE "C" PRIMARY KEY CHECK (number ~ '^[0-9A-Z]{4,20}$'),
  personal_id text COLLATE "C" NOT NULL CHECK (personal_id ~ '^[0-9]{12}$'),
  status text NOT NULL CHECK (status IN ('valid', 'suspended', 'revoked')),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  data jsonb NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  updated_at timestamptz NOT NULL
)`,
  `CREATE INDEX ${t}_person ON ${t} (personal_id)`,
  `CREATE TABLE ${t}_feed (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number text COLLATE "C" NOT NULL REFERENCES ${t} (number),
  at timestamptz NOT NULL
)`,
]

const integrated = [
  `CREATE TABLE documents_integrated (
  id uuid PRIMARY KEY,
  subject_id text COLLATE "C" NOT NULL CHECK (subject_id ~ '^[0-9]{12}$'),
  kind text NOT NULL CHECK (kind IN
    ('driving_licence', 'vehicle_registration', 'health_insurance', 'social_insurance', 'tax_code')),
  number text COLLATE "C" NOT NULL,
  source_system text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'suspended', 'revoked', 'expired')),
  valid_from date NOT NULL,
  valid_to date,
  data jsonb NOT NULL,
  source_version integer NOT NULL,
  integrated_via text NOT NULL CHECK (integrated_via IN ('app', 'counter')),
  integrated_by text NOT NULL,
  integrated_at timestamptz NOT NULL,
  synced_at timestamptz NOT NULL,
  UNIQUE (subject_id, kind, number)
)`,
  // The sync job finds every copy of a changed record by (kind, number).
  'CREATE INDEX documents_integrated_source ON documents_integrated (kind, number)',
  `CREATE TABLE documents_sync_cursor (
  kind text PRIMARY KEY,
  cursor text NOT NULL,
  updated_at timestamptz NOT NULL
)`,
  // Demo people whose demo documents were integrated once (DEMO_SEED): a removal is not undone.
  `CREATE TABLE documents_demo_seeded (
  subject_id text COLLATE "C" PRIMARY KEY,
  at timestamptz NOT NULL
)`,
]

// One statement at a time: the pg driver's extended protocol takes a single statement per query.
const run = async (db: Kysely<unknown>, statements: readonly string[]) => {
  for (const s of statements) await sql.raw(s).execute(db)
}

export const documentsMigrations: ModuleMigrations = {
  documents_0001_source_sandboxes: {
    up: (db) => run(db, SOURCE_TABLES.flatMap(sourceTable)),
    down: (db) =>
      run(
        db,
        SOURCE_TABLES.flatMap((t) => [`DROP TABLE ${t}_feed`, `DROP TABLE ${t}`]),
      ),
  },
  documents_0002_integrated: {
    up: (db) => run(db, integrated),
    down: (db) =>
      run(db, [
        'DROP TABLE documents_demo_seeded',
        'DROP TABLE documents_sync_cursor',
        'DROP TABLE documents_integrated',
      ]),
  },
}
