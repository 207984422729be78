import { Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, matchPath, useLocation } from 'react-router'
import type { vi } from '../../i18n/vi'
import { COUNTER_NEW_PATH, COUNTER_QUEUE_PATH } from './counter/counterPaths'
import { useOfficerMe } from './session/officerSessionApi'

type Item = { to: string; label: keyof typeof vi.officer.counter.nav; anyOf: string[]; also?: string }

// Each entry shows only to officers whose permissions allow the page (GET /api/v1/officer/me).
const ITEMS: readonly Item[] = [
  { to: '/officer/search', label: 'search', anyOf: ['registry.read'], also: '/officer/persons/*' },
  { to: '/officer/biometrics', label: 'faceCheck', anyOf: ['biometrics.check', 'biometrics.review'] },
  { to: COUNTER_NEW_PATH, label: 'receive', anyOf: ['counter.receive'] },
  { to: COUNTER_QUEUE_PATH, label: 'queue', anyOf: ['dossier.approve'], also: '/officer/counter/dossiers/*' },
]

/** The officer portal's own menu, by role; nothing before the login. */
export const OfficerNav = () => {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const me = useOfficerMe()
  if (!me.data) return null
  const permissions = me.data.permissions
  const items = ITEMS.filter((i) => i.anyOf.some((p) => permissions.includes(p)))
  const current = (i: Item) =>
    matchPath({ path: i.to, end: false }, pathname) !== null ||
    (i.also !== undefined && matchPath(i.also, pathname) !== null)
  return (
    <nav aria-label={t('officer.counter.nav.label')}>
      <Group gap="xs" component="ul" wrap="wrap" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} className="dd-header-link" aria-current={current(i) ? 'page' : undefined}>
              {t(`officer.counter.nav.${i.label}`)}
            </Link>
          </li>
        ))}
      </Group>
    </nav>
  )
}
