import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

const run = async (db: Kysely<unknown>, statements: string[]) => {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

// The offline QR format (vn-share): its own issuer key purpose, and its own credential format.
const compactKeys = [
  'ALTER TABLE credentials_issuer_key DROP CONSTRAINT credentials_issuer_key_purpose_check',
  `ALTER TABLE credentials_issuer_key ADD CONSTRAINT credentials_issuer_key_purpose_check
  CHECK (purpose IN ('sd-jwt', 'mdoc-iaca', 'mdoc-ds', 'compact'))`,
  // PostgreSQL named the inline check on certificate after the table: it reads two columns.
  'ALTER TABLE credentials_issuer_key DROP CONSTRAINT credentials_issuer_key_check',
  `ALTER TABLE credentials_issuer_key ADD CONSTRAINT credentials_issuer_key_certificate_check
  CHECK (certificate IS NOT NULL OR purpose IN ('sd-jwt', 'compact'))`,
]
const compactFormat = [
  'ALTER TABLE credentials_issued DROP CONSTRAINT credentials_issued_format_check',
  `ALTER TABLE credentials_issued ADD CONSTRAINT credentials_issued_format_check
  CHECK (format IN ('dc+sd-jwt', 'mso_mdoc', 'vn-compact'))`,
]

// A foreign resident's offline basic credentials: the subject is then a foreigner ID number (NN + 10 digits).
const foreignerSubjects = [
  'ALTER TABLE credentials_issued DROP CONSTRAINT credentials_issued_subject_id_check',
  `ALTER TABLE credentials_issued ADD CONSTRAINT credentials_issued_subject_id_check
  CHECK (subject_id ~ '^([0-9]{12}|NN[0-9]{10})$')`,
]

export const compactCredentialsMigrations: ModuleMigrations = {
  credentials_0006_compact_keys: {
    up: (db) => run(db, compactKeys),
    down: (db) =>
      run(db, [
        "DELETE FROM credentials_issuer_key WHERE purpose = 'compact'",
        compactKeys[0] as string,
        `ALTER TABLE credentials_issuer_key ADD CONSTRAINT credentials_issuer_key_purpose_check
  CHECK (purpose IN ('sd-jwt', 'mdoc-iaca', 'mdoc-ds'))`,
        'ALTER TABLE credentials_issuer_key DROP CONSTRAINT credentials_issuer_key_certificate_check',
        `ALTER TABLE credentials_issuer_key ADD CONSTRAINT credentials_issuer_key_check
  CHECK (certificate IS NOT NULL OR purpose = 'sd-jwt')`,
      ]),
  },
  credentials_0007_compact_format: {
    up: (db) => run(db, compactFormat),
    down: (db) =>
      run(db, [
        "DELETE FROM credentials_issued WHERE format = 'vn-compact'",
        compactFormat[0] as string,
        `ALTER TABLE credentials_issued ADD CONSTRAINT credentials_issued_format_check
  CHECK (format IN ('dc+sd-jwt', 'mso_mdoc'))`,
      ]),
  },
  credentials_0009_foreigner_subjects: {
    up: (db) => run(db, foreignerSubjects),
    down: (db) =>
      run(db, [
        "DELETE FROM credentials_issued WHERE subject_id LIKE 'NN%'",
        foreignerSubjects[0] as string,
        `ALTER TABLE credentials_issued ADD CONSTRAINT credentials_issued_subject_id_check
  CHECK (subject_id ~ '^[0-9]{12}$')`,
      ]),
  },
}
