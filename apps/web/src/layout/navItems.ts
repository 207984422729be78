export type NavItem = {
  to: string
  labelKey: 'nav.home' | 'nav.citizen' | 'nav.officer' | 'nav.admin'
  end?: boolean
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', end: true },
  { to: '/app', labelKey: 'nav.citizen' },
  { to: '/officer', labelKey: 'nav.officer' },
  { to: '/admin', labelKey: 'nav.admin' },
]
