import { Anchor, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { LetterFormFields } from './LetterFormFields'
import { LockRequestErrorAlert } from './LockRequestErrorAlert'
import { LOCK_REQUESTS_RECORDED_PATH, lockRequestPath } from './lockRequestPaths'
import { useRecordLockRequest } from './lockRequestsApi'

/** /officer/lock-requests/new: the receiving officer records an authority's written request. */
export const RecordLockRequestPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const record = useRecordLockRequest()
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={LOCK_REQUESTS_RECORDED_PATH} size="sm">
        ← {t('officer.lockRequests.request.backToRecorded')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('officer.lockRequests.record.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('officer.lockRequests.record.intro')}
        </Text>
      </Stack>
      <LetterFormFields
        pending={record.isPending}
        onSubmit={(body) =>
          record.mutate(body, { onSuccess: (created) => navigate(lockRequestPath(created.id)) })
        }
        alert={
          record.error && (
            <LockRequestErrorAlert error={record.error} title={t('officer.lockRequests.record.errorTitle')} />
          )
        }
      />
    </Stack>
  )
}
