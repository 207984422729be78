// The accounts module's public face: electronic identity accounts and their registration dossiers.

export { ACCOUNTS } from './accounts.errors.js'
export { accountsMigrations } from './accounts.migrations.js'
export type { AccountStatus, DossierKind, DossierState, SubjectKind } from './accounts.table.js'
export { activationRoutes } from './activation.routes.js'
export {
  type ActivationFinish,
  type ActivationStart,
  finishActivation,
  startActivation,
} from './activation.service.js'
export { dependentsRoutes } from './dependents.routes.js'
export { dependentHistory, listDependents, registerDependent } from './dependents.service.js'
export { nextDossierState, REJECTION_REASONS, type RejectionReason } from './dossier.flow.js'
export {
  type Decision,
  processDossier,
  processWaitingDossiers,
  startDossierProcessor,
} from './dossier.processor.js'
export { historyRoutes } from './history.routes.js'
export { lockRoutes } from './lock.routes.js'
export { applyAutomaticLocks, finishUnlock, lockByHolder, startLockJob, startUnlock } from './lock.service.js'
export { phoneChangeRoutes } from './phone-change.routes.js'
export { recoveryRoutes } from './recovery.routes.js'
export { finishRecovery, startRecovery } from './recovery.service.js'
export { registrationRoutes } from './registration.routes.js'
export { dossierStatus, type Level1Application, type Receipt, submitLevel1 } from './registration.service.js'
export { requireSession, sessionRoutes } from './session.routes.js'
export { type CurrentSession, login, sessionOf, verifyNewDevice } from './session.service.js'
