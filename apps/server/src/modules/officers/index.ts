// The officers module's public face: units, officer accounts, roles, jurisdiction and officer logins.

export { type Reset, resetCredentials } from './credential-reset.service.js'
export {
  type Actor,
  createOfficer,
  type Enrolment,
  type NewOfficer,
  TOTP_ISSUER,
} from './enrolment.service.js'
export type { Manager } from './manager.js'
export type { ManagedOfficer, Officer, Unit } from './officer.view.js'
export { officerAdminRoutes } from './officer-admin.routes.js'
export { type Assignment, changeAssignment } from './officer-assignment.service.js'
export { officerAuthRoutes } from './officer-auth.routes.js'
export {
  findOfficers,
  type OfficerPage,
  type OfficerSearch,
  viewOfficer,
} from './officer-directory.service.js'
export { type CurrentOfficer, officerSessionOf } from './officer-session.service.js'
export { reactivateOfficer, suspendOfficer } from './officer-status.service.js'
export { cleanupOfficers, startOfficersCleanup } from './officers.cleanup.js'
export {
  DEMO_OFFICER_PASSWORD,
  demoOfficers,
  demoUnits,
  describeDemoOfficer,
  seedDemoOfficers,
  seedDemoUnits,
} from './officers.demo.js'
export { demoOfficerCode } from './officers.demo-code.js'
export { createOfficerTotpSealer, type OfficersDeps } from './officers.deps.js'
export { OFFICERS } from './officers.errors.js'
export { officersMigrations } from './officers.migrations.js'
export {
  assertFourEyes,
  assertWithinJurisdiction,
  fourEyesSatisfied,
  may,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  UNIT_LEVELS,
  type UnitLevel,
  type UnitScope,
  withinJurisdiction,
} from './officers.permissions.js'
export { findOfficerByNumber, findUnit, listOfficers } from './officers.repository.js'
export type { OfficersTables } from './officers.table.js'
export { OFFICER_COOKIE, requireOfficer } from './require-officer.js'
export { addUnit, listUnits, type NewUnit } from './units.service.js'
