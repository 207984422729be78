import { Button, Divider, Stack } from '@mantine/core'
import { browserSupportsWebAuthn } from '@simplewebauthn/browser'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert } from '../accountErrors'
import { usePasskeyLogin } from '../me/passkeyApi'

/** Log in with a passkey saved on this device: no ID number, password or SMS code to type. */
export const PasskeyLogin = ({ onSignedIn }: { onSignedIn: () => void }) => {
  const { t } = useTranslation()
  const login = usePasskeyLogin()
  if (!browserSupportsWebAuthn()) return null
  return (
    <Stack gap="md">
      <Divider label={t('citizen.passkeys.or')} labelPosition="center" />
      {login.error && <AccountErrorAlert error={login.error} />}
      <Button
        variant="outline"
        size="md"
        fullWidth
        loading={login.isPending}
        onClick={() => login.mutate(undefined, { onSuccess: onSignedIn })}
      >
        {t('citizen.passkeys.login')}
      </Button>
    </Stack>
  )
}
