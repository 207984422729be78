// The accounts module's public face: electronic identity accounts and their registration dossiers.

export { findAccountBySubject } from './account.repository.js'
export { cleanupAccounts, startAccountsCleanup } from './accounts.cleanup.js'
export { DEMO_CITIZEN, seedDemoCitizen } from './accounts.demo.js'
export { ACCOUNTS } from './accounts.errors.js'
export { accountsMigrations } from './accounts.migrations.js'
export { toE164 } from './accounts.phone.js'
export type { AccountStatus, DossierKind, DossierState, SubjectKind } from './accounts.table.js'
export {
  type ActableDependent,
  type ActingForSubject,
  actingForSubject,
  dependentsToActFor,
} from './acting-for.js'
export { activationRoutes } from './activation.routes.js'
export {
  type ActivationFinish,
  type ActivationStart,
  finishActivation,
  startActivation,
} from './activation.service.js'
export {
  AUTHORITY_LOCK_GROUND,
  type AuthorityAct,
  authorityLockState,
  liftAuthorityLock,
  placeAuthorityLock,
} from './authority-lock.js'
export { dependentCard } from './dependent-card.service.js'
export { lockForDependent, unlockForDependent } from './dependent-lock.service.js'
export { dependentsRoutes } from './dependents.routes.js'
export { dependentHistory, listDependents, registerDependent } from './dependents.service.js'
export { nextDossierState, REJECTION_REASONS, type RejectionReason } from './dossier.flow.js'
export {
  type Decision,
  processDossier,
  processWaitingDossiers,
  startDossierProcessor,
} from './dossier.processor.js'
export type { EidCardStatus } from './eid-card.table.js'
export { historyRoutes } from './history.routes.js'
export { grantLevel2, type Level2Grant, type Level2Result } from './level2.js'
export { lockRoutes } from './lock.routes.js'
export { applyAutomaticLocks, finishUnlock, lockByHolder, startLockJob, startUnlock } from './lock.service.js'
export { checkOwnPhone, type OwnPhoneCheck } from './own-phone.js'
export { relyingPartyOf } from './passkey.relying-party.js'
export { Assertion as PasskeyAssertion, passkeyRoutes } from './passkey.routes.js'
export { finishPasskeyLogin, passkeyLoginOptions } from './passkey.service.js'
export { phoneChangeRoutes } from './phone-change.routes.js'
export { type AppProofing, appProofingOf } from './proofing.repository.js'
export { recoveryRoutes } from './recovery.routes.js'
export { finishRecovery, startRecovery } from './recovery.service.js'
export { type ForeignerLevel1Application, submitForeignerLevel1 } from './registration.foreigner.service.js'
export { registrationRoutes } from './registration.routes.js'
export { dossierStatus, type Level1Application, type Receipt, submitLevel1 } from './registration.service.js'
export { actingFor, auditBoth } from './representation.js'
export { securityRoutes } from './security.routes.js'
export { takeEndedSessions } from './session.repository.js'
export { requireSession, sessionRoutes } from './session.routes.js'
export {
  type CurrentSession,
  endSessionById,
  login,
  sessionOf,
  verifyNewDevice,
} from './session.service.js'
export { settingsRoutes } from './settings.routes.js'
export { mayApproveWebQrLogin } from './settings.service.js'
export { hasFreshStepUp, requireStepUp, STEP_UP_FRESH_MS } from './step-up.js'
