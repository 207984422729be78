// The documents module's public face: integrated documents, the connectors to the systems that issue them, the sync job.
export type {
  ChangePage,
  Connectors,
  DrivingLicenceConnector,
  HealthInsuranceConnector,
  PullResult,
  SocialInsuranceConnector,
  SourceConnector,
  SourceRecord,
  TaxCodeConnector,
  VehicleRegistrationConnector,
} from './connector.port.js'
export { credentialDocumentOf } from './credential-document.js'
export { seedDemoDocuments } from './documents.demo.js'
export { DOCUMENTS } from './documents.errors.js'
export {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  type DocumentData,
  type DocumentDataOf,
  type DocumentKind,
  type DocumentStatus,
  type DrivingLicenceData,
  type HealthInsuranceData,
  LICENCE_CLASSES,
  type LicenceClass,
  SOURCE_SYSTEMS,
  type SocialInsuranceData,
  type TaxCodeData,
  type VehicleRegistrationData,
} from './documents.kinds.js'
export { documentsMigrations } from './documents.migrations.js'
export { documentsRoutes, documentsRoutesWith } from './documents.routes.js'
export type { DocumentsTables } from './documents.table.js'
export {
  type IntegratedDocument,
  type IntegrationActor,
  integrateDocument,
  integratedDocumentsOf,
  removeDocument,
} from './integration.service.js'
export { createConnectors, createSandboxConnector, sandboxConnectors } from './sandbox.connector.js'
export { seedDemoSources } from './sandbox.demo.js'
export { changeSourceRecord } from './sandbox.repository.js'
export { startDocumentsSync, syncDocuments, syncSource } from './sync.service.js'
