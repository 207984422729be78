import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { dependentPath } from '../../paths'
import { useDependents } from '../meApi'
import { PagedEventList } from '../PagedEventList'
import { useAccount } from '../RequireSession'
import { ReleaseItem } from './DataAccessPage'
import { useDependentDataAccessLog } from './dataAccessApi'

/**
 * A dependent's data-access log as their representative reads it (each page read is recorded under both);
 * the releases the reader made signing in for them say "done by you".
 */
export const DependentDataAccessPage = () => {
  const { t } = useTranslation()
  const { personalId = '' } = useParams()
  const me = useAccount()
  const dependents = useDependents()
  const name = dependents.data?.find((d) => d.personalId === personalId)?.fullName ?? personalId
  const log = useDependentDataAccessLog(personalId)
  return (
    <PagedEventList
      back={
        <Button component={Link} to={dependentPath(personalId)} variant="subtle" px={0} w="fit-content">
          ← {t('dataAccess.log.back', { name })}
        </Button>
      }
      title={t('dataAccess.log.forTitle', { name })}
      intro={t('dataAccess.log.forIntro', { name })}
      listLabel={t('dataAccess.log.listLabel')}
      empty={t('dataAccess.log.forEmpty', { name })}
      more={t('dataAccess.log.more')}
      query={log}
      items={log.data?.pages.flatMap((p) => p.items) ?? []}
      itemKey={(r) => r.id}
      renderItem={(r) => <ReleaseItem r={r} reader={me.username} />}
    />
  )
}
