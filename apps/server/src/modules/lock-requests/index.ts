// The lock-requests module's public face: an authority's written request to lock or unlock an account.

export { approveLockRequest, refuseLockRequest } from './decision.service.js'
export { nextLockRequestState } from './lock-request.flow.js'
export { LOCK_REQUESTS } from './lock-requests.errors.js'
export { lockRequestsMigrations } from './lock-requests.migrations.js'
export { lockRequestRoutes } from './lock-requests.routes.js'
export type { LockRequestKind, LockRequestState, LockRequestsTables } from './lock-requests.table.js'
export { lockRequestQueue, readLockRequest, recordedLockRequests } from './queue.service.js'
export { type AuthorityRequest, forwardLockRequest, recordLockRequest } from './record.service.js'
