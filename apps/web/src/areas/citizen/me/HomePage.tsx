import { Button, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { DocumentIcon, HistoryIcon, ShieldIcon, UsersIcon } from '../../../layout/icons'
import { ShareLinks } from '../../share/ShareLinks'
import { AccountErrorAlert } from '../accountErrors'
import { LinkCard } from '../LinkCard'
import { citizenPaths } from '../paths'
import { DataAccessLinks } from './dataAccess/DataAccessLinks'
import { IdentityCard } from './IdentityCard'
import { useLogout } from './meApi'
import { useAccount } from './RequireSession'
import { ScanLoginLink } from './webLogin/ScanLoginLink'

const QUICK_LINKS = [
  { key: 'documents', path: citizenPaths.documents, Icon: DocumentIcon },
  { key: 'security', path: citizenPaths.security, Icon: ShieldIcon },
  { key: 'history', path: citizenPaths.history, Icon: HistoryIcon },
  { key: 'dependents', path: citizenPaths.dependents, Icon: UsersIcon },
] as const

/** The holder's home: the e-ID card, then where to look after the account. */
export const HomePage = () => {
  const { t } = useTranslation()
  const me = useAccount()
  const navigate = useNavigate()
  const logout = useLogout()
  return (
    <Stack gap="lg">
      <Title order={1}>{t('citizen.me.homeTitle')}</Title>
      <IdentityCard me={me} />
      {me.level >= 2 && <ScanLoginLink />}
      <nav aria-label={t('citizen.me.quickLinks')}>
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {me.level >= 2 && <ShareLinks />}
          {QUICK_LINKS.map(({ key, path, Icon }) => (
            <li key={key}>
              <LinkCard
                to={path}
                Icon={Icon}
                title={t(`citizen.me.links.${key}.title`)}
                description={t(`citizen.me.links.${key}.description`)}
              />
            </li>
          ))}
          <DataAccessLinks />
        </Stack>
      </nav>
      {logout.error && <AccountErrorAlert error={logout.error} />}
      <Button
        variant="outline"
        size="md"
        fullWidth
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSuccess: () => navigate(citizenPaths.login) })}
      >
        {t('citizen.me.logout')}
      </Button>
    </Stack>
  )
}
