export const LOCK_REQUEST_NEW_PATH = '/officer/lock-requests/new'
export const LOCK_REQUESTS_RECORDED_PATH = '/officer/lock-requests/recorded'
export const LOCK_REQUESTS_QUEUE_PATH = '/officer/lock-requests/queue'
// Under /requests/ so the menu can tell a request page from the form and the lists.
export const LOCK_REQUEST_PAGE_PATTERN = '/officer/lock-requests/requests/*'
export const lockRequestPath = (id: string) => `/officer/lock-requests/requests/${encodeURIComponent(id)}`
