// The data-access module's public face: the log of every release of a person's data to someone outside.

export { DATA_ACCESS } from './data-access.errors.js'
export { dataAccessMigrations } from './data-access.migrations.js'
export { lastReleases } from './data-access.repository.js'
export { dataAccessRoutes } from './data-access.routes.js'
export {
  type DataAccessEntry,
  type DataAccessView,
  listDataAccess,
  recordDataAccess,
} from './data-access.service.js'
export { type DataAccessTables, RECIPIENT_KINDS, type RecipientKind } from './data-access.table.js'
