import type { Kysely, Transaction } from 'kysely'
import type { AccountsTables } from './modules/accounts/accounts.table.js'
import type { AuthnTables } from './modules/authn/authn.table.js'
import type { BiometricsTables } from './modules/biometrics/biometrics.table.js'
import type { CredentialsTables } from './modules/credentials/credentials.table.js'
import type { DataAccessTables } from './modules/data-access/data-access.table.js'
import type { DocumentsTables } from './modules/documents/documents.table.js'
import type { EnrolmentTables } from './modules/enrolment/enrolment.table.js'
import type { LockRequestsTables } from './modules/lock-requests/lock-requests.table.js'
import type { OfficersTables } from './modules/officers/officers.table.js'
import type { OidcTables } from './modules/oidc/oidc.table.js'
import type { RegistryTables } from './modules/registry/registry.table.js'
import type { SharingTables } from './modules/sharing/sharing.table.js'
import type { TelecomTables } from './modules/telecom/telecom.table.js'
import type { AuditTables } from './platform/audit/audit.table.js'
import type { KeyTables } from './platform/keys/keys.table.js'
import type { OutboxTables } from './platform/notify/outbox.table.js'

// The whole schema as Kysely sees it; each module declares and migrates its own tables.
export interface Database
  extends AuditTables,
    OutboxTables,
    KeyTables,
    RegistryTables,
    BiometricsTables,
    AccountsTables,
    AuthnTables,
    TelecomTables,
    OfficersTables,
    OidcTables,
    DataAccessTables,
    EnrolmentTables,
    LockRequestsTables,
    CredentialsTables,
    DocumentsTables,
    SharingTables {}

/** A database or a transaction: repositories take either, so transactions pass through. */
export type Db = Kysely<Database> | Transaction<Database>
