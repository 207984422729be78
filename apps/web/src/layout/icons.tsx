import type { ReactNode } from 'react'

// A few stroke icons (Tabler-style paths) so the app needs no icon font or extra dependency.
const Icon = ({ children, size = 24 }: { children: ReactNode; size?: number }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    {children}
  </svg>
)

export const PhoneIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="6" y="3" width="12" height="18" rx="2" />
    <path d="M11 4h2M12 17v.01" />
  </Icon>
)

export const SearchIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="10" cy="10" r="7" />
    <path d="M21 21l-6-6" />
  </Icon>
)

export const GaugeIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 12l3-3M7 12h.01M12 7h.01M17 12h.01" />
  </Icon>
)

export const UserPlusIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="9" cy="7" r="4" />
    <path d="M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2M16 11h6M19 8v6" />
  </Icon>
)

export const KeyIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="8" cy="15" r="4" />
    <path d="M10.85 12.15L19 4M18 5l2 2M15 8l2 2" />
  </Icon>
)

export const LoginIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2" />
    <path d="M20 12H8M11 9l-3 3 3 3" />
  </Icon>
)

export const ChevronRightIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M9 6l6 6-6 6" />
  </Icon>
)

export const ShieldIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6l8-3z" />
    <path d="M9 12l2 2 4-4" />
  </Icon>
)

export const HistoryIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 8v4l3 2" />
    <path d="M3.05 11a9 9 0 1 1 .5 4M3 20v-5h5" />
  </Icon>
)

export const DocumentIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <circle cx="8.5" cy="11" r="2" />
    <path d="M5.5 16c.5-1.6 1.6-2.5 3-2.5s2.5.9 3 2.5M14 10h4M14 14h4" />
  </Icon>
)

export const LockIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Icon>
)

export const UsersIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M16 14.2c3 .2 5.5 2.3 5.5 5.3" />
  </Icon>
)

export const QrIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="4" y="4" width="6" height="6" rx="1" />
    <rect x="14" y="4" width="6" height="6" rx="1" />
    <rect x="4" y="14" width="6" height="6" rx="1" />
    <path d="M14 14h3v3M20 14v.01M14 20h.01M17 20h3v-3" />
  </Icon>
)

export const ShieldCheckIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z" />
    <path d="M9 12l2 2 4-4" />
  </Icon>
)
