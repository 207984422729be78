import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { browserSupportsWebAuthn } from '@simplewebauthn/browser'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { AccountErrorAlert } from '../accountErrors'
import { formatVnDateTime } from '../vnTime'
import { type Passkey, useAddPasskey, usePasskeys, useRemovePasskey } from './passkeyApi'
import { useStepUp } from './StepUpDialog'

const PasskeyItem = ({ passkey, onRemove }: { passkey: Passkey; onRemove: () => void }) => {
  const { t } = useTranslation()
  return (
    <Paper withBorder radius="md" p="md" component="li" data-passkey={passkey.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={700}>{passkey.name}</Text>
          {passkey.synced && (
            <Badge variant="light" c="#0b4f8a">
              {t('citizen.passkeys.synced')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('citizen.passkeys.createdAt', { at: formatVnDateTime(passkey.createdAt) })}
          <br />
          {passkey.lastUsedAt
            ? t('citizen.passkeys.lastUsedAt', { at: formatVnDateTime(passkey.lastUsedAt) })
            : t('citizen.passkeys.neverUsed')}
        </Text>
        <Button
          variant="outline"
          color="red.9"
          size="sm"
          w="fit-content"
          onClick={onRemove}
          aria-label={t('citizen.passkeys.removeNamed', { name: passkey.name })}
        >
          {t('citizen.passkeys.remove')}
        </Button>
      </Stack>
    </Paper>
  )
}

/** The holder's passkeys: log in without a password or a code, and confirm sensitive actions. */
export const Passkeys = () => {
  const { t } = useTranslation()
  const passkeys = usePasskeys()
  const add = useAddPasskey()
  const remove = useRemovePasskey()
  const stepUp = useStepUp()
  const supported = browserSupportsWebAuthn()
  const error = add.error ?? remove.error
  return (
    <Stack gap="sm" component="section" aria-labelledby="passkeys-title">
      <Title order={2} size="h3" id="passkeys-title">
        {t('citizen.passkeys.title')}
      </Title>
      <Text size="sm">{t('citizen.passkeys.intro')}</Text>
      {passkeys.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {passkeys.error && <ErrorAlert error={passkeys.error} onRetry={() => void passkeys.refetch()} />}
      {passkeys.data &&
        (passkeys.data.length ? (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {passkeys.data.map((p) => (
              <PasskeyItem
                key={p.id}
                passkey={p}
                onRemove={() => void stepUp.run(() => remove.mutateAsync(p.id))}
              />
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('citizen.passkeys.none')}
          </Text>
        ))}
      {error && error.code !== 'accounts.STEP_UP_REQUIRED' && <AccountErrorAlert error={error} />}
      {add.isSuccess && (
        <Text size="sm" role="status">
          {t('citizen.passkeys.added', { name: add.data.name })}
        </Text>
      )}
      {supported ? (
        <Button
          variant="outline"
          size="md"
          fullWidth
          loading={add.isPending}
          onClick={() => void stepUp.run(() => add.mutateAsync())}
        >
          {t('citizen.passkeys.add')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('citizen.passkeys.unsupported')}
        </Text>
      )}
      {stepUp.dialog}
    </Stack>
  )
}
