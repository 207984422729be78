import { Alert, Button, List, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert } from '../accountErrors'
import { formatVnDateTime } from '../vnTime'
import {
  type DependentCard,
  type DependentLock,
  type DependentUnlocked,
  useLockDependent,
  useUnlockDependent,
} from './dependentsApi'
import { useStepUp } from './StepUpDialog'

const CONSEQUENCES = ['noUse', 'unlock', 'sms', 'recorded'] as const
const GROUNDS = ['card_expired', 'card_revoked', 'terms_breached', 'e_id_card_locked'] as const
const groundKey = (g: string) => GROUNDS.find((k) => k === g) ?? 'other'

const lockText = (lock: DependentLock, t: TFunction) => {
  const at = formatVnDateTime(lock.since)
  if (lock.initiator === 'self')
    return lock.byYou
      ? t('citizen.dependents.detail.locks.byYou', { at })
      : t('citizen.dependents.detail.locks.self', { at })
  if (lock.initiator === 'system')
    return t('citizen.dependents.detail.locks.system', {
      at,
      ground: t(`citizen.dependents.detail.grounds.${groundKey(lock.ground)}`),
    })
  return t('citizen.dependents.detail.locks.authority', { at })
}

const Unlocked = ({ result, name }: { result: DependentUnlocked; name: string }) => {
  const { t } = useTranslation()
  return (
    <Alert color={result.remainingLocks > 0 ? 'orange' : 'green'} variant="light" role="status">
      {result.remainingLocks > 0
        ? t('citizen.dependents.detail.stillLocked', { count: result.remainingLocks })
        : t('citizen.dependents.detail.unlocked', { name })}
    </Alert>
  )
}

/** Form TK03 on the dependent's behalf: lock at once, or lift the holder side's locks (never the others). */
export const DependentLockPanel = ({ card }: { card: DependentCard }) => {
  const { t } = useTranslation()
  const lock = useLockDependent(card.personalId)
  const unlock = useUnlockDependent(card.personalId)
  const [confirming, setConfirming] = useState<'lock' | 'unlock' | null>(null)
  const name = card.fullName
  const holderSide = card.locks.some((l) => l.initiator === 'self')
  const others = card.locks.some((l) => l.initiator !== 'self')
  const stepUp = useStepUp()
  const unlockError = unlock.error?.code === 'accounts.STEP_UP_REQUIRED' ? null : unlock.error
  const error = confirming === 'lock' ? lock.error : confirming === 'unlock' ? unlockError : null
  const close = () => setConfirming(null)
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="dependent-lock-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="dependent-lock-title">
          {t('citizen.dependents.detail.locksTitle')}
        </Title>
        {card.locks.length === 0 ? (
          <Text size="sm">{t('citizen.dependents.detail.noLocks')}</Text>
        ) : (
          <List size="sm" spacing={4} data-testid="dependent-locks">
            {card.locks.map((l) => (
              <List.Item key={`${l.initiator}-${l.ground}-${l.since}`}>{lockText(l, t)}</List.Item>
            ))}
          </List>
        )}
        {others && (
          <Text size="sm" c="dimmed">
            {t('citizen.dependents.detail.othersStay')}
          </Text>
        )}
        {lock.isSuccess && !confirming && (
          <Alert color="green" variant="light" role="status">
            {t('citizen.dependents.detail.locked', { name })}
          </Alert>
        )}
        {unlock.isSuccess && !confirming && <Unlocked result={unlock.data} name={name} />}
        {holderSide ? (
          <Button size="md" fullWidth variant="outline" onClick={() => setConfirming('unlock')}>
            {t('citizen.dependents.detail.unlock')}
          </Button>
        ) : (
          card.account?.status !== 'closed' && (
            <>
              <Text size="sm">{t('citizen.dependents.detail.lockIntro', { name })}</Text>
              <Button color="red.9" size="md" fullWidth onClick={() => setConfirming('lock')}>
                {t('citizen.dependents.detail.lock')}
              </Button>
            </>
          )
        )}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={close}
        title={
          confirming === 'unlock'
            ? t('citizen.dependents.detail.confirmUnlockTitle', { name })
            : t('citizen.dependents.detail.confirmLockTitle', { name })
        }
        centered
        size="md"
      >
        <Stack gap="md">
          {confirming === 'unlock' ? (
            <Text size="sm">{t('citizen.dependents.detail.confirmUnlockIntro', { name })}</Text>
          ) : (
            <>
              <Text size="sm">{t('citizen.dependents.detail.confirmLockIntro', { name })}</Text>
              <List size="sm" spacing="xs">
                {CONSEQUENCES.map((c) => (
                  <List.Item key={c}>
                    {t(`citizen.dependents.detail.lockConsequences.${c}`, { name })}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {error && <AccountErrorAlert error={error} />}
          <Stack gap="sm">
            {confirming === 'unlock' ? (
              <Button
                size="md"
                fullWidth
                loading={unlock.isPending}
                onClick={() => {
                  lock.reset()
                  // Unlocking opens the account again: the server may ask for a step-up first.
                  void stepUp.run(async () => {
                    await unlock.mutateAsync()
                    close()
                  })
                }}
              >
                {t('citizen.dependents.detail.confirmUnlock')}
              </Button>
            ) : (
              <Button
                color="red.9"
                size="md"
                fullWidth
                loading={lock.isPending}
                onClick={() => {
                  unlock.reset()
                  lock.mutate(undefined, { onSuccess: close })
                }}
              >
                {t('citizen.dependents.detail.confirmLock')}
              </Button>
            )}
            <Button variant="default" size="md" fullWidth onClick={close}>
              {t('citizen.dependents.detail.cancel')}
            </Button>
          </Stack>
        </Stack>
      </Modal>
      {stepUp.dialog}
    </Paper>
  )
}
