import { useTranslation } from 'react-i18next'
import { HistoryEventItem } from './HistoryEventItem'
import { useHistory } from './meApi'
import { PagedEventList } from './PagedEventList'
import { useAccount } from './RequireSession'

/** The usage history: every login, change and read of the holder's data, newest first (kept 5 years). */
export const HistoryPage = () => {
  const { t } = useTranslation()
  const me = useAccount()
  const history = useHistory()
  return (
    <PagedEventList
      title={t('citizen.history.title')}
      intro={t('citizen.history.intro')}
      listLabel={t('citizen.history.title')}
      empty={t('citizen.history.empty')}
      more={t('citizen.history.more')}
      query={history}
      items={history.data?.pages.flatMap((p) => p.events) ?? []}
      itemKey={(e) => e.seq}
      renderItem={(e) => <HistoryEventItem event={e} reader={me.username} />}
    />
  )
}
