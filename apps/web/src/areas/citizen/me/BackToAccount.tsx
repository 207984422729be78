import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { citizenPaths } from '../paths'

export const BackToAccount = () => {
  const { t } = useTranslation()
  return (
    <Button component={Link} to={citizenPaths.account} variant="subtle" px={0} w="fit-content">
      ← {t('citizen.me.backToAccount')}
    </Button>
  )
}
