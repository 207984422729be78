// The telecom module's public face: whether a mobile number is a subscription in a person's own name.

export { createPhoneOwnership, phoneOwnershipOff, withDeadline } from './phone-ownership.js'
export type {
  OwnershipQuery,
  OwnershipResult,
  Passport,
  PhoneOwnershipChecker,
  SubscriberDocument,
} from './phone-ownership.port.js'
export {
  createSandboxPhoneOwnership,
  type SandboxConditions,
  type SandboxPhoneOwnership,
} from './phone-ownership.sandbox.js'
export {
  demoSubscriptions,
  type RegistryPages,
  seedDemoSubscriptions,
  syntheticPhoneOf,
} from './telecom.demo.js'
export { telecomMigrations } from './telecom.migrations.js'
export type { TelecomTables } from './telecom.table.js'
