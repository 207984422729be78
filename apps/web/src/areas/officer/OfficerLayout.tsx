import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { OfficerNav } from './OfficerNav'
import { OfficerSessionBar } from './session/OfficerSessionBar'

export const OfficerLayout = () => {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text fw={700} c="brand.8" tt="uppercase" size="sm">
          {t('officer.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('officer.intro')}
        </Text>
      </Stack>
      <OfficerSessionBar />
      <OfficerNav />
      <Outlet />
    </Stack>
  )
}
