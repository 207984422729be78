import { Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, matchPath, useLocation } from 'react-router'
import type { vi } from '../../i18n/vi'
import { ADMIN_OFFICERS_PATH, ADMIN_UNITS_PATH } from './admin/adminPaths'
import { CARD_CHECK_PATH } from './card-check/cardCheckApi'
import { CARD_APPLICATIONS_PATH, COUNTER_NEW_PATH, COUNTER_QUEUE_PATH } from './counter/counterPaths'
import {
  LOCK_REQUEST_NEW_PATH,
  LOCK_REQUEST_PAGE_PATTERN,
  LOCK_REQUESTS_QUEUE_PATH,
  LOCK_REQUESTS_RECORDED_PATH,
} from './lock-requests/lockRequestPaths'
import { RP_QUEUE_PATH } from './relying-parties/relyingPartiesApi'
import { OVERDUE_PATH, REPORTS_PATH } from './reports/reportPaths'
import { useOfficerMe } from './session/officerSessionApi'

// The reports' entries have their labels in officer.reports.nav (i18n/reports.vi.ts).
type ReportsLabel = `reports.nav.${keyof typeof vi.officer.reports.nav}`
const isReportsLabel = (l: Item['label']): l is ReportsLabel => l.startsWith('reports.')
// The lock requests' entries have theirs in officer.lockRequests.nav (i18n/lockRequests.vi.ts).
type LockRequestsLabel = `lockRequests.nav.${keyof typeof vi.officer.lockRequests.nav}`
const isLockRequestsLabel = (l: Item['label']): l is LockRequestsLabel => l.startsWith('lockRequests.')
// The officer-account entries have theirs in officer.admin.nav (i18n/officerAdmin.vi.ts).
type AdminLabel = `admin.nav.${keyof typeof vi.officer.admin.nav}`
const isAdminLabel = (l: Item['label']): l is AdminLabel => l.startsWith('admin.')
// The relying-party appraisal entry has its label in officer.relyingParties.nav (i18n/developers.vi.ts).
type RpLabel = `relyingParties.nav.${keyof typeof vi.officer.relyingParties.nav}`
const isRpLabel = (l: Item['label']): l is RpLabel => l.startsWith('relyingParties.')
// The card QR check has its label in officer.cardCheck.nav (i18n/cardCheck.vi.ts).
type CardCheckLabel = `cardCheck.nav.${keyof typeof vi.officer.cardCheck.nav}`
const isCardCheckLabel = (l: Item['label']): l is CardCheckLabel => l.startsWith('cardCheck.')

type Item = {
  to: string
  label:
    | keyof typeof vi.officer.counter.nav
    | ReportsLabel
    | LockRequestsLabel
    | AdminLabel
    | RpLabel
    | CardCheckLabel
  anyOf: string[]
  also?: string
  /** A unit level the page is not for (e.g. card applications at an immigration office). */
  notAt?: string
}

// Each entry shows only to officers whose permissions allow the page (GET /api/v1/officer/me).
const ITEMS: readonly Item[] = [
  { to: '/officer/search', label: 'search', anyOf: ['registry.read'], also: '/officer/persons/*' },
  { to: CARD_CHECK_PATH, label: 'cardCheck.nav.check', anyOf: ['registry.read'] },
  { to: '/officer/biometrics', label: 'faceCheck', anyOf: ['biometrics.check', 'biometrics.review'] },
  { to: COUNTER_NEW_PATH, label: 'receive', anyOf: ['counter.receive'] },
  { to: COUNTER_QUEUE_PATH, label: 'queue', anyOf: ['dossier.approve'], also: '/officer/counter/dossiers/*' },
  {
    to: CARD_APPLICATIONS_PATH,
    label: 'cards',
    anyOf: ['counter.receive', 'dossier.approve'],
    notAt: 'immigration_office',
  },
  { to: REPORTS_PATH, label: 'reports.nav.reports', anyOf: ['reports.read'] },
  { to: OVERDUE_PATH, label: 'reports.nav.overdue', anyOf: ['reports.read'] },
  { to: LOCK_REQUEST_NEW_PATH, label: 'lockRequests.nav.lockRecord', anyOf: ['lock_request.record'] },
  {
    to: LOCK_REQUESTS_RECORDED_PATH,
    label: 'lockRequests.nav.lockRecorded',
    anyOf: ['lock_request.record'],
    also: LOCK_REQUEST_PAGE_PATTERN,
  },
  {
    to: LOCK_REQUESTS_QUEUE_PATH,
    label: 'lockRequests.nav.lockQueue',
    anyOf: ['lock_request.decide'],
    also: LOCK_REQUEST_PAGE_PATTERN,
  },
  {
    to: RP_QUEUE_PATH,
    label: 'relyingParties.nav.queue',
    anyOf: ['relying_party.appraise'],
    notAt: 'province',
  },
  { to: ADMIN_OFFICERS_PATH, label: 'admin.nav.officers', anyOf: ['officers.manage'] },
  { to: ADMIN_UNITS_PATH, label: 'admin.nav.units', anyOf: ['officers.manage'] },
]

/** The officer portal's own menu, by role; nothing before the login. */
export const OfficerNav = () => {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const me = useOfficerMe()
  if (!me.data) return null
  const permissions = me.data.permissions
  const items = ITEMS.filter(
    (i) => i.anyOf.some((p) => permissions.includes(p)) && i.notAt !== me.data.unit.level,
  )
  const current = (i: Item) =>
    matchPath({ path: i.to, end: false }, pathname) !== null ||
    (i.also !== undefined && matchPath(i.also, pathname) !== null)
  return (
    <nav aria-label={t('officer.counter.nav.label')}>
      <Group gap="xs" component="ul" wrap="wrap" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} className="dd-header-link" aria-current={current(i) ? 'page' : undefined}>
              {isReportsLabel(i.label) ||
              isLockRequestsLabel(i.label) ||
              isAdminLabel(i.label) ||
              isRpLabel(i.label) ||
              isCardCheckLabel(i.label)
                ? t(`officer.${i.label}`)
                : t(`officer.counter.nav.${i.label}`)}
            </Link>
          </li>
        ))}
      </Group>
    </nav>
  )
}
