export const FIRST_LOGIN_PATH = '/officer/first-login'
export const OFFICER_PASSWORD_PATH = '/officer/password'

// Administrators read no citizen data: their first page is the officer list, everyone else's the registry.
export const officerHome = (permissions: readonly string[]): string =>
  permissions.includes('registry.read') || !permissions.includes('officers.manage')
    ? '/officer/search'
    : '/officer/admin/officers'

/** Only a path of the officer portal outside the login steps is a place to return to after the login. */
export const returnPath = (state: unknown, permissions: readonly string[]): string => {
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : null
  return typeof from === 'string' &&
    from.startsWith('/officer/') &&
    !from.startsWith('/officer/login') &&
    !from.startsWith(FIRST_LOGIN_PATH)
    ? from
    : officerHome(permissions)
}
