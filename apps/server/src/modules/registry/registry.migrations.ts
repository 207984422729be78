import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

// Keys use the C collation: byte comparison, several times cheaper than a locale's in every index insert.
// Plain SQL: CHECK constraints and partial indexes read more clearly than the schema builder.
const init = `
CREATE TABLE registry_person (
  personal_id char(12) COLLATE "C" PRIMARY KEY,
  full_name text NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  birth_year smallint NOT NULL CHECK (birth_year BETWEEN 1850 AND 2399),
  birth_month smallint CHECK (birth_month BETWEEN 1 AND 12),
  birth_day smallint CHECK (birth_day BETWEEN 1 AND 31),
  gender text NOT NULL CHECK (gender IN ('male', 'female')),
  nationality char(2) NOT NULL DEFAULT 'VN',
  ethnicity text NOT NULL,
  religion text NOT NULL,
  place_of_birth text NOT NULL,
  hometown text NOT NULL,
  permanent_address text NOT NULL,
  permanent_province char(3) COLLATE "C" NOT NULL,
  temporary_address text,
  status text NOT NULL CHECK (status IN ('alive', 'deceased')),
  died_on date,
  row_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  -- Household membership lives on the person: one household per person (the permanent residence).
  household_id text COLLATE "C",
  household_relation text,
  CHECK (birth_day IS NULL OR birth_month IS NOT NULL),
  CHECK ((status = 'deceased') = (died_on IS NOT NULL))
);
-- One index serves name + year and name + province (scanning one name's entries): fewer index writes on import.
CREATE INDEX registry_person_name ON registry_person (name_key, birth_year, permanent_province);
CREATE INDEX registry_person_household ON registry_person (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE registry_card (
  personal_id char(12) COLLATE "C" NOT NULL REFERENCES registry_person ON DELETE CASCADE,
  number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('CCCD_CHIP', 'CAN_CUOC_2024')),
  issued_on date NOT NULL,
  expires_on date CHECK (expires_on IS NULL OR expires_on > issued_on),
  authority text NOT NULL,
  status text NOT NULL CHECK (status IN ('valid', 'expired', 'revoked', 'lost', 'replaced')),
  PRIMARY KEY (personal_id, issued_on)
);

CREATE TABLE registry_old_id (
  number text COLLATE "C" PRIMARY KEY CHECK (number ~ '^([0-9]{9}|[0-9]{12})$'),
  personal_id char(12) COLLATE "C" NOT NULL REFERENCES registry_person ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('cmnd', 'cancelled'))
);
CREATE INDEX registry_old_id_person ON registry_old_id (personal_id);

-- No foreign key on relative_id: a relative may be imported later, or live in another shard.
CREATE TABLE registry_relative (
  personal_id char(12) COLLATE "C" NOT NULL,
  relation text NOT NULL
    CHECK (relation IN ('father', 'mother', 'spouse', 'child', 'guardian', 'ward', 'representative')),
  relative_id char(12) COLLATE "C" NOT NULL,
  PRIMARY KEY (personal_id, relation, relative_id)
);

CREATE TABLE registry_household (
  household_id text COLLATE "C" PRIMARY KEY,
  head_personal_id char(12) COLLATE "C",
  address text NOT NULL,
  province_code char(3) NOT NULL
);

CREATE TABLE registry_foreigner (
  foreigner_id char(12) COLLATE "C" PRIMARY KEY,
  full_name text NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  date_of_birth date NOT NULL,
  gender text NOT NULL CHECK (gender IN ('male', 'female')),
  nationality char(2) NOT NULL,
  passport_number text NOT NULL,
  passport_type text NOT NULL,
  passport_issued_on date NOT NULL,
  passport_expires_on date NOT NULL,
  passport_place text NOT NULL,
  residence_card_kind text NOT NULL CHECK (residence_card_kind IN ('PERMANENT', 'TEMPORARY')),
  residence_card_number text NOT NULL UNIQUE,
  residence_card_expires_on date,
  status text NOT NULL CHECK (status IN ('alive', 'deceased')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (nationality, passport_number)
);

-- References only: the templates themselves live in the biometrics store (a later issue).
CREATE TABLE registry_biometric_ref (
  personal_id char(12) COLLATE "C" NOT NULL REFERENCES registry_person ON DELETE CASCADE,
  modality text NOT NULL CHECK (modality IN ('face', 'fingerprint')),
  finger_position smallint NOT NULL DEFAULT 0 CHECK (finger_position BETWEEN 0 AND 10),
  template_ref text NOT NULL,
  model_version text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (personal_id, modality, finger_position)
);
`

const drop = `
DROP TABLE registry_biometric_ref, registry_foreigner, registry_household,
  registry_relative, registry_old_id, registry_card, registry_person;
`

// One statement at a time: prepared statements (PGlite, pg with parameters) take a single command.
const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

// The hot lookup as one plpgsql function: its plan is cached per connection, which saves the ~0.6 ms of
// planning that a four-table query costs on every call (more than executing it).
const lookupFunction = `
CREATE FUNCTION registry_person_record(p_id char(12)) RETURNS json LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN (
    SELECT json_build_object(
      'personal_id', p.personal_id, 'full_name', p.full_name, 'name_key', p.name_key,
      'birth_year', p.birth_year, 'birth_month', p.birth_month, 'birth_day', p.birth_day,
      'gender', p.gender, 'nationality', p.nationality, 'ethnicity', p.ethnicity, 'religion', p.religion,
      'place_of_birth', p.place_of_birth, 'hometown', p.hometown, 'permanent_address', p.permanent_address,
      'permanent_province', p.permanent_province, 'temporary_address', p.temporary_address,
      'status', p.status, 'died_on', p.died_on, 'version', p.version,
      'cards', (SELECT coalesce(json_agg(c ORDER BY c.issued_on DESC), '[]') FROM (
        SELECT number, kind, issued_on, expires_on, authority, status FROM registry_card
        WHERE personal_id = p.personal_id) c),
      'old_ids', (SELECT coalesce(json_agg(o ORDER BY o.number), '[]') FROM (
        SELECT number, kind FROM registry_old_id WHERE personal_id = p.personal_id) o),
      'relatives', (SELECT coalesce(json_agg(r ORDER BY r.relation, r.relative_id), '[]') FROM (
        SELECT x.relation, x.relative_id, rp.full_name FROM registry_relative x
        LEFT JOIN registry_person rp ON rp.personal_id = x.relative_id
        WHERE x.personal_id = p.personal_id) r))
    FROM registry_person p WHERE p.personal_id = p_id COLLATE "C");
END
$fn$`

export const registryMigrations: ModuleMigrations = {
  registry_0001_init: {
    up: async (db: Kysely<unknown>) => {
      await run(db, init)
    },
    down: async (db: Kysely<unknown>) => {
      await run(db, drop)
    },
  },
  // Templates belong to the biometrics module (its own tables, keyed by the same number): no references here.
  registry_0003_drop_biometric_ref: {
    up: async (db: Kysely<unknown>) => {
      await sql.raw('DROP TABLE registry_biometric_ref').execute(db)
    },
    down: async (db: Kysely<unknown>) => {
      await sql
        .raw(`CREATE TABLE registry_biometric_ref (
          personal_id char(12) COLLATE "C" NOT NULL REFERENCES registry_person ON DELETE CASCADE,
          modality text NOT NULL, finger_position smallint NOT NULL DEFAULT 0, template_ref text NOT NULL,
          model_version text NOT NULL, created_at timestamptz NOT NULL,
          PRIMARY KEY (personal_id, modality, finger_position))`)
        .execute(db)
    },
  },
  registry_0002_lookup_function: {
    up: async (db: Kysely<unknown>) => {
      await sql.raw(lookupFunction).execute(db)
    },
    down: async (db: Kysely<unknown>) => {
      await sql.raw('DROP FUNCTION registry_person_record(char)').execute(db)
    },
  },
}
