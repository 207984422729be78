import { useTranslation } from 'react-i18next'
import { HistoryIcon, LoginIcon } from '../../../../layout/icons'
import { LinkCard } from '../../LinkCard'
import { citizenPaths } from '../../paths'

const LINKS = [
  { key: 'connections', path: citizenPaths.connections, Icon: LoginIcon },
  { key: 'log', path: citizenPaths.dataAccess, Icon: HistoryIcon },
] as const

/** On the holder's home: connected services and the data-access log. */
export const DataAccessLinks = () => {
  const { t } = useTranslation()
  return (
    <>
      {LINKS.map(({ key, path, Icon }) => (
        <li key={key}>
          <LinkCard
            to={path}
            Icon={Icon}
            title={t(`dataAccess.homeLinks.${key}.title`)}
            description={t(`dataAccess.homeLinks.${key}.description`)}
          />
        </li>
      ))}
    </>
  )
}
