import { NavLink as MantineNavLink, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { isNavItemActive, NAV_ITEMS } from './navItems'

// Rendered inside AppShell.Navbar, which is already the <nav> landmark.
export const MobileNav = ({ onNavigate }: { onNavigate: () => void }) => {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  return (
    <Stack gap={4}>
      {NAV_ITEMS.map((item) => {
        const active = isNavItemActive(item, pathname)
        return (
          <MantineNavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.labelKey)}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        )
      })}
      <MantineNavLink component="a" href="/api/docs" label={t('nav.apiDocs')} />
    </Stack>
  )
}
