import { accountsMigrations } from './modules/accounts/accounts.migrations.js'
import { authnMigrations } from './modules/authn/authn.migrations.js'
import { biometricsMigrations } from './modules/biometrics/biometrics.migrations.js'
import { compactCredentialsMigrations } from './modules/credentials/compact.migrations.js'
import { credentialsMigrations } from './modules/credentials/credentials.migrations.js'
import { dataAccessMigrations } from './modules/data-access/data-access.migrations.js'
import { documentsMigrations } from './modules/documents/documents.migrations.js'
import { enrolmentMigrations } from './modules/enrolment/enrolment.migrations.js'
import { lockRequestsMigrations } from './modules/lock-requests/lock-requests.migrations.js'
import { officersMigrations } from './modules/officers/officers.migrations.js'
import { oidcMigrations } from './modules/oidc/oidc.migrations.js'
import { registryMigrations } from './modules/registry/registry.migrations.js'
import { reportsMigrations } from './modules/reports/reports.migrations.js'
import { sharingMigrations } from './modules/sharing/sharing.migrations.js'
import { telecomMigrations } from './modules/telecom/telecom.migrations.js'
import { auditMigrations } from './platform/audit/audit.migrations.js'
import { keysMigrations } from './platform/keys/keys.migrations.js'
import type { ModuleMigrations } from './platform/migrate.js'
import { outboxMigrations } from './platform/notify/outbox.migrations.js'

// Every module's migrations; each module owns its tables.
export const allMigrations: ModuleMigrations = {
  ...auditMigrations,
  ...outboxMigrations,
  ...keysMigrations,
  ...registryMigrations,
  ...biometricsMigrations,
  ...authnMigrations,
  ...accountsMigrations,
  ...telecomMigrations,
  ...officersMigrations,
  ...oidcMigrations,
  ...dataAccessMigrations,
  ...enrolmentMigrations,
  ...lockRequestsMigrations,
  ...reportsMigrations,
  ...credentialsMigrations,
  ...compactCredentialsMigrations,
  ...documentsMigrations,
  ...sharingMigrations,
}
