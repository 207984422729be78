import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDay } from './day'
import { lockStateColor, lockStateLabel } from './lockRequestLabels'
import type { LockRequestState } from './lockRequestsApi'

export const StateBadge = ({ state, size = 'md' }: { state: LockRequestState; size?: 'md' | 'lg' }) => {
  const { t } = useTranslation()
  return (
    <Badge color={lockStateColor(state)} size={size} data-state={state}>
      {lockStateLabel(state, t)}
    </Badge>
  )
}

export const OverdueBadge = ({ size = 'md' }: { size?: 'md' | 'lg' }) => {
  const { t } = useTranslation()
  return (
    <Badge color="red.9" variant="filled" size={size} data-overdue="true">
      {t('officer.lockRequests.overdue')}
    </Badge>
  )
}

/** A due day, flagged when the step it is for is late. */
export const DueDay = ({ day, overdue }: { day: string | null; overdue: boolean }) => (
  <Group gap={6} wrap="nowrap">
    {day ? formatDay(day) : ''}
    {overdue && <OverdueBadge />}
  </Group>
)
