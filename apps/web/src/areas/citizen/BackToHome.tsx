import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { citizenPaths } from './paths'

export const BackToHome = () => {
  const { t } = useTranslation()
  return (
    <Button component={Link} to={citizenPaths.home} variant="subtle" px={0} w="fit-content">
      ← {t('citizen.backToHome')}
    </Button>
  )
}
