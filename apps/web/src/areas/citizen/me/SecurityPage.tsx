import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { BackToAccount } from './BackToAccount'
import { CredentialChange } from './CredentialChange'
import { DeviceList } from './DeviceList'
import { LockAccount } from './LockAccount'
import { Passkeys } from './Passkeys'
import { PhoneChange } from './PhoneChange'
import { WebQrLoginSetting } from './webLogin/WebQrLoginSetting'

/** Security: the devices logged in, passkeys, changing the phone, and locking the account. */
export const SecurityPage = () => {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('citizen.security.title')}</Title>
        <Text c="dimmed">{t('citizen.security.intro')}</Text>
      </Stack>
      <DeviceList />
      <Passkeys />
      <WebQrLoginSetting />
      <CredentialChange />
      <PhoneChange />
      <LockAccount />
    </Stack>
  )
}
