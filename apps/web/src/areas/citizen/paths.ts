// The citizen app's addresses, in one place so links and redirects agree.
export const citizenPaths = {
  home: '/app',
  register: '/app/register',
  activate: '/app/activate',
  activated: '/app/activate/done',
  login: '/app/login',
}
export const receiptPath = (dossierId: string) =>
  `/app/registrations/${encodeURIComponent(dossierId)}/receipt`
export const statusPath = (dossierId: string) => `/app/registrations/${encodeURIComponent(dossierId)}`
