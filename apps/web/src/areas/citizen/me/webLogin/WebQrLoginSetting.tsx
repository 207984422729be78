import { Loader, Stack, Switch, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useStepUp } from '../StepUpDialog'
import { useSettings, useSetWebQrLogin } from './webLoginApi'
import { WebLoginErrorAlert } from './webLoginErrors'

/** Security page: the holder allows (or not) logging in on the web by scanning a QR code; off by default. */
export const WebQrLoginSetting = () => {
  const { t } = useTranslation()
  const settings = useSettings()
  const change = useSetWebQrLogin()
  const stepUp = useStepUp()
  const available = settings.data?.webQrLoginAvailable ?? false
  // The step-up dialog speaks for STEP_UP_REQUIRED itself.
  const error =
    change.error?.code === 'accounts.STEP_UP_REQUIRED' ? settings.error : (change.error ?? settings.error)
  return (
    <Stack gap="sm" component="section" aria-labelledby="web-qr-login-title">
      <Title order={2} size="h3" id="web-qr-login-title">
        {t('webLogin.setting.title')}
      </Title>
      {settings.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {settings.data && (
        <Switch
          size="md"
          label={t('webLogin.setting.label')}
          description={available ? t('webLogin.setting.description') : t('webLogin.setting.level2Only')}
          checked={settings.data.webQrLogin}
          disabled={!available || change.isPending}
          // Turning it on asks for the passcode first when the session has no fresh step-up.
          onChange={(e) => {
            const enabled = e.currentTarget.checked
            void stepUp.run(() => change.mutateAsync(enabled))
          }}
        />
      )}
      {change.isSuccess && (
        <Text size="sm" role="status">
          {change.data.webQrLogin ? t('webLogin.setting.enabled') : t('webLogin.setting.disabled')}
        </Text>
      )}
      {error && <WebLoginErrorAlert error={error} />}
      {stepUp.dialog}
    </Stack>
  )
}
