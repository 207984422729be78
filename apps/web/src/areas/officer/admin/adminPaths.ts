export const ADMIN_OFFICERS_PATH = '/officer/admin/officers'
export const ADMIN_NEW_OFFICER_PATH = '/officer/admin/officers/new'
export const ADMIN_UNITS_PATH = '/officer/admin/units'
export const adminOfficerPath = (id: string) => `${ADMIN_OFFICERS_PATH}/${encodeURIComponent(id)}`
