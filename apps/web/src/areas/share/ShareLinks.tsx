import { useTranslation } from 'react-i18next'
import { QrIcon, ShieldCheckIcon } from '../../layout/icons'
import { LinkCard } from '../citizen/LinkCard'
import { citizenPaths } from '../citizen/paths'

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
          Icon={ShieldCheckIcon}
          title={t('share.checkApp.homeLink.title')}
          description={t('share.checkApp.homeLink.description')}
        />
      </li>
    </>
  )
}
