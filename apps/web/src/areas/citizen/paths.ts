// The citizen app's addresses, in one place so links and redirects agree.
export const citizenPaths = {
  home: '/app',
  register: '/app/register',
  activate: '/app/activate',
  activated: '/app/activate/done',
  login: '/app/login',
  recover: '/app/recover',
  unlock: '/app/unlock',
  locked: '/app/locked',
  /** The logged-in pages. */
  account: '/app/home',
  security: '/app/security',
  history: '/app/history',
  dependents: '/app/dependents',
  scanLogin: '/app/scan-login',
  connections: '/app/connections',
  dataAccess: '/app/data-access',
  documents: '/app/documents',
  share: '/app/share',
  checkApp: '/app/check-app',
}
export const dependentPath = (personalId: string) => `/app/dependents/${encodeURIComponent(personalId)}`
export const dependentDataAccessPath = (personalId: string) => `${dependentPath(personalId)}/data-access`
export const receiptPath = (dossierId: string) =>
  `/app/registrations/${encodeURIComponent(dossierId)}/receipt`
export const statusPath = (dossierId: string) => `/app/registrations/${encodeURIComponent(dossierId)}`
