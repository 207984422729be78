import { matchPath } from 'react-router'

export type NavItem = {
  to: string
  labelKey: 'nav.home' | 'nav.citizen' | 'nav.officer' | 'nav.biometrics' | 'nav.developers' | 'nav.admin'
  end?: boolean
  /** Paths under `to` that have an item of their own, so only one item is current. */
  except?: readonly string[]
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', end: true },
  { to: '/app', labelKey: 'nav.citizen' },
  { to: '/officer', labelKey: 'nav.officer', except: ['/officer/biometrics'] },
  { to: '/officer/biometrics', labelKey: 'nav.biometrics' },
  { to: '/developers', labelKey: 'nav.developers' },
  { to: '/admin', labelKey: 'nav.admin' },
]

const matches = (path: string, pathname: string, end: boolean) => matchPath({ path, end }, pathname) !== null

export const isNavItemActive = (item: NavItem, pathname: string): boolean =>
  matches(item.to, pathname, item.end ?? false) &&
  !(item.except ?? []).some((path) => matches(path, pathname, false))
