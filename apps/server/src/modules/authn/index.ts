// The authn module's public face: the primitives the accounts module (and others) build logins on.

export { cleanupAuthn, startAuthnCleanup } from './authn.cleanup.js'
export type { AuthnDeps } from './authn.deps.js'
export { AUTHN } from './authn.errors.js'
export {
  checkLockout,
  cleanupLoginFailures,
  DEFAULT_LOCKOUT,
  enforceLockout,
  type LockoutPolicy,
  type LockoutState,
  type LockScope,
  type LoginAttempt,
  recordFailure,
  recordSuccess,
} from './authn.lockout.js'
export { authnMigrations } from './authn.migrations.js'
export { deriveOtpKey } from './authn.otp.crypto.js'
export {
  assertOtp,
  cleanupOtps,
  DEFAULT_OTP_POLICY,
  type IssuedOtp,
  issueOtp,
  type OtpDeps,
  type OtpPolicy,
  type OtpRequest,
  type OtpVerdict,
  verifyOtp,
} from './authn.otp.js'
export { defaultOtpMessage, type OtpMessage, type OtpMessageWriter, toSmsText } from './authn.otp.message.js'
export {
  ARGON2_PARAMS,
  hashAnswer,
  hashSecret,
  needsRehash,
  normaliseAnswer,
  type PhcParams,
  parsePhc,
  verifyAnswer,
  verifySecret,
  verifyUnknown,
} from './authn.password.js'
export {
  cleanupRateLimits,
  enforceRateLimit,
  hit,
  hitAll,
  type RateDecision,
  type RateRule,
  resetRateLimit,
} from './authn.rate-limit.js'
export { sourceOf } from './authn.source.js'
export { OTP_PURPOSES, type OtpPurpose } from './authn.table.js'
