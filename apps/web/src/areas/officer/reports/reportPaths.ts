export const REPORTS_PATH = '/officer/reports'
export const OVERDUE_PATH = '/officer/overdue'
export const overdueUnitPath = (code: string) => `${OVERDUE_PATH}/${encodeURIComponent(code)}`
// The lock-request page of the counter's portal (built alongside, docs/lock-requests.md).
export const lockRequestPath = (id: string) => `/officer/lock-requests/${encodeURIComponent(id)}`
