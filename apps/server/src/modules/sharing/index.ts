// The sharing module's public face: online QR shares, their redemption by verifiers, the Dispatch 1101 app check.
export type { AppCheckResult, ShareScope, VerifierClaims } from './sharing.claims.js'
export { SHARING } from './sharing.errors.js'
export { sharingMigrations } from './sharing.migrations.js'
export { SHARE_REDEEM, sharingRoutes } from './sharing.routes.js'
export {
  cancelShare,
  createShare,
  MAX_PENDING,
  redeemAppCheck,
  redeemByVerifier,
  SHARE_TTL_MS,
  shareStatus,
} from './sharing.service.js'
export type { SharingTables } from './sharing.table.js'
export { ONLINE_PREFIX, parseShareQr } from './sharing.token.js'
