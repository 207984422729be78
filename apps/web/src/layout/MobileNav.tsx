import { NavLink as MantineNavLink, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { matchPath, NavLink, useLocation } from 'react-router'
import { NAV_ITEMS } from './navItems'

// Rendered inside AppShell.Navbar, which is already the <nav> landmark.
export const MobileNav = ({ onNavigate }: { onNavigate: () => void }) => {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  return (
    <Stack gap={4}>
      {NAV_ITEMS.map((item) => (
        <MantineNavLink
          key={item.to}
          component={NavLink}
          to={item.to}
          end={item.end ?? false}
          label={t(item.labelKey)}
          active={matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null}
          onClick={onNavigate}
        />
      ))}
      <MantineNavLink component="a" href="/api/docs" label={t('nav.apiDocs')} />
    </Stack>
  )
}
