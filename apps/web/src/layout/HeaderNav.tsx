import { Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { NAV_ITEMS } from './navItems'

/** Desktop navigation in the header; on small screens the same links live in the drawer navbar. */
export const HeaderNav = () => {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('nav.label')}>
      <Group gap={4} component="ul" className="dd-header-nav">
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false} className="dd-header-link">
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </Group>
    </nav>
  )
}
