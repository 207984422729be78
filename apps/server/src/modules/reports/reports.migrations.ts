import { type Kysely, sql } from 'kysely'
import type { ModuleMigrations } from '../../platform/migrate.js'

// Reports count other modules' rows by the day they were opened or created. These indexes are the
// reports module's own; its migrations are named `reports_…`, which sorts after the tables they index.
// They carry the grouped columns, so a report reads the index alone once the table is vacuumed.
const indexes = `
CREATE INDEX reports_counter_dossier_created ON enrolment_counter_dossier (created_at)
  INCLUDE (unit_code, unit_province, state, due_on, decided_at, card_request);
CREATE INDEX reports_counter_dossier_approved ON enrolment_counter_dossier (decided_at)
  INCLUDE (unit_code, unit_province) WHERE state = 'approved';
CREATE INDEX reports_counter_dossier_waiting ON enrolment_counter_dossier (unit_code, due_on, received_on, number)
  INCLUDE (unit_province, id, kind) WHERE state = 'submitted';
CREATE INDEX reports_account_created ON accounts_account (created_at)
  INCLUDE (created_via, level, status, subject_kind, subject_id, dossier_id);
CREATE INDEX reports_card_application_received ON enrolment_card_application (received_on);
CREATE INDEX reports_lock_request_recorded ON lock_requests_request (recorded_on)
`

const run = async (db: Kysely<unknown>, script: string) => {
  for (const statement of script.split(';').filter((s) => s.trim())) await sql.raw(statement).execute(db)
}

export const reportsMigrations: ModuleMigrations = {
  reports_0001_indexes: {
    up: (db) => run(db, indexes),
    down: (db) =>
      run(
        db,
        'DROP INDEX reports_lock_request_recorded, reports_card_application_received, reports_account_created, reports_counter_dossier_waiting, reports_counter_dossier_approved, reports_counter_dossier_created',
      ),
  },
}
