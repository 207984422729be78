import { Center, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation, useOutletContext } from 'react-router'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { citizenPaths } from '../paths'
import { type Me, useMe } from './meApi'

/** The logged-in pages: without a session the citizen goes to the login page and comes back after it. */
export const RequireSession = () => {
  const { t } = useTranslation()
  const location = useLocation()
  const me = useMe()
  if (me.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    )
  if (me.error?.status === 401)
    return <Navigate to={citizenPaths.login} replace state={{ from: location.pathname }} />
  if (me.error) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
  return <Outlet context={me.data satisfies Me} />
}

/** The logged-in holder, inside RequireSession. */
export const useAccount = () => useOutletContext<Me>()
