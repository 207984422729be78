import { Button, List, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { AccountErrorAlert } from '../accountErrors'
import { citizenPaths } from '../paths'
import { useLockMyAccount } from './meApi'

const CONSEQUENCES = ['sessions', 'noLogin', 'unlock', 'sms'] as const

/** Form TK03: the holder locks the account at once (a lost phone, a stolen password). */
export const LockAccount = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const lock = useLockMyAccount()
  const [confirming, setConfirming] = useState(false)
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="lock-title"
      style={{ borderColor: 'var(--mantine-color-red-3)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="lock-title">
          {t('citizen.security.lockTitle')}
        </Title>
        <Text size="sm">{t('citizen.security.lockIntro')}</Text>
        <Button color="red.9" size="md" fullWidth onClick={() => setConfirming(true)}>
          {t('citizen.security.lock')}
        </Button>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('citizen.security.confirmTitle')}
        centered
        size="md"
      >
        <Stack gap="md">
          <Text size="sm">{t('citizen.security.confirmIntro')}</Text>
          <List size="sm" spacing="xs">
            {CONSEQUENCES.map((c) => (
              <List.Item key={c}>{t(`citizen.security.consequences.${c}`)}</List.Item>
            ))}
          </List>
          {lock.error && <AccountErrorAlert error={lock.error} />}
          <Stack gap="sm">
            <Button
              color="red.9"
              size="md"
              fullWidth
              loading={lock.isPending}
              onClick={() => lock.mutate(undefined, { onSuccess: () => navigate(citizenPaths.locked) })}
            >
              {t('citizen.security.confirmLock')}
            </Button>
            <Button variant="default" size="md" fullWidth onClick={() => setConfirming(false)}>
              {t('citizen.security.cancel')}
            </Button>
          </Stack>
        </Stack>
      </Modal>
    </Paper>
  )
}
