import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { LifeStatus } from '../../api'

// Filled badges with dark shades keep white text above 4.5:1 contrast.
export const LifeStatusBadge = ({ status }: { status: LifeStatus }) => {
  const { t } = useTranslation()
  return (
    <Badge color={status === 'alive' ? 'green.9' : 'gray.7'} variant="filled">
      {t(`officer.lifeStatus.${status}`)}
    </Badge>
  )
}
