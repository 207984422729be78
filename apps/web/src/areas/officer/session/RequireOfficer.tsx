import { Center, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation, useOutletContext } from 'react-router'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { FIRST_LOGIN_PATH } from './officerHome'
import { type CurrentOfficer, FIRST_LOGIN_CODES, useOfficerMe } from './officerSessionApi'

export const OFFICER_LOGIN_PATH = '/officer/login'

/**
 * Officer pages only behind an officer session: a logged-out officer is sent to the login page, one who
 * still owes a first-login step (new password, authenticator) to the first-login page.
 */
export const RequireOfficer = () => {
  const { t } = useTranslation()
  const location = useLocation()
  const me = useOfficerMe()
  if (me.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    )
  if (me.error?.status === 401 && !me.isFetching)
    return <Navigate to={OFFICER_LOGIN_PATH} replace state={{ from: location.pathname + location.search }} />
  if (me.error && FIRST_LOGIN_CODES.includes(me.error.code) && !me.isFetching)
    return <Navigate to={FIRST_LOGIN_PATH} replace />
  if (me.error) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
  return <Outlet context={me.data satisfies CurrentOfficer} />
}

/** The logged-in officer, inside RequireOfficer. */
export const useCurrentOfficer = () => useOutletContext<CurrentOfficer>()
