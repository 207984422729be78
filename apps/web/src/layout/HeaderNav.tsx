import { Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { isNavItemActive, NAV_ITEMS } from './navItems'

/** Desktop navigation in the header; on small screens the same links live in the drawer navbar. */
export const HeaderNav = () => {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  return (
    <nav aria-label={t('nav.label')}>
      <Group gap={4} component="ul" className="dd-header-nav" wrap="nowrap">
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              className="dd-header-link"
              aria-current={isNavItemActive(item, pathname) ? 'page' : undefined}
            >
              {t(item.labelKey)}
            </Link>
          </li>
        ))}
      </Group>
    </nav>
  )
}
