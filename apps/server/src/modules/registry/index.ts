// The registry's public face: other modules import only from here.
export { issueCard, type NewCard } from './card.issue.js'
export {
  FOREIGNER_ID,
  type ForeignerRecord,
  findForeignerRecord,
  foreignerDocumentsAfter,
} from './foreigner.repository.js'
export { findPersonIdByOldNumber, findPersonRecord, personIdsAfter } from './person.repository.js'
export {
  cardExpiry,
  formatPartialDate,
  type PartialDate,
  parsePartialDate,
  RENEWAL_AGES,
} from './registry.dates.js'
export { demoForeigners, demoPeople } from './registry.demo.js'
export { REGISTRY } from './registry.errors.js'
export {
  formatOf,
  type ImportFormat,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importRegistry,
} from './registry.import.js'
export {
  type Declared,
  type DeclaredForeigner,
  dobMatches,
  type Match,
  matchDeclared,
  matchForeigner,
} from './registry.match.js'
export { registryMigrations } from './registry.migrations.js'
export { csvHeader, type RegistryRecord, ROW_COLUMNS, recordToRow, toCsvLine } from './registry.record.js'
export { registryRoutes } from './registry.routes.js'
export {
  type DemoSeedOptions,
  type SeedOptions,
  type SeedProgress,
  type SeedReport,
  seedDemoRegistry,
  seedRegistry,
} from './registry.seed.js'
export { type OfficerContext, readForeigner, readPerson, searchPeople } from './registry.service.js'
export { generatePopulation, type SyntheticBatch, type SyntheticOptions } from './registry.synthetic.js'
export { PersonView, toPersonView } from './registry.view.js'
export type { Rejection, WriteCounts } from './registry.writer.js'
