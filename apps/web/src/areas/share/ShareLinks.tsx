import { useTranslation } from 'react-i18next'
import { LinkCard } from '../citizen/LinkCard'
import { citizenPaths } from '../citizen/paths'

const QrIcon = () => (
  <svg
    width={24}
    height={24}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <rect x="4" y="4" width="6" height="6" rx="1" />
    <rect x="14" y="4" width="6" height="6" rx="1" />
    <rect x="4" y="14" width="6" height="6" rx="1" />
    <path d="M14 14h3v3M20 14v.01M14 20h.01M17 20h3v-3" />
  </svg>
)

const CheckIcon = () => (
  <svg
    width={24}
    height={24}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z" />
    <path d="M9 12l2 2 4-4" />
  </svg>
)

/** On a level-2 holder's home: sharing by QR, and the officer's check of a citizen's app (Dispatch 1101). */
export const ShareLinks = () => {
  const { t } = useTranslation()
  return (
    <>
      <li>
        <LinkCard
          to={citizenPaths.share}
          Icon={QrIcon}
          title={t('share.homeLink.title')}
          description={t('share.homeLink.description')}
        />
      </li>
      <li>
        <LinkCard
          to={citizenPaths.checkApp}
          Icon={CheckIcon}
          title={t('share.checkApp.homeLink.title')}
          description={t('share.checkApp.homeLink.description')}
        />
      </li>
    </>
  )
}
