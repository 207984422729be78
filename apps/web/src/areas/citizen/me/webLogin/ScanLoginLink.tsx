import { useTranslation } from 'react-i18next'
import { LoginIcon } from '../../../../layout/icons'
import { LinkCard } from '../../LinkCard'
import { citizenPaths } from '../../paths'

/** On the home screen of a level 2 holder: "Scan to log in" on a website. */
export const ScanLoginLink = () => {
  const { t } = useTranslation()
  return (
    <LinkCard
      to={citizenPaths.scanLogin}
      Icon={LoginIcon}
      title={t('webLogin.homeLink.title')}
      description={t('webLogin.homeLink.description')}
    />
  )
}
