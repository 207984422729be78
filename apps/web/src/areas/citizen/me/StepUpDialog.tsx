import { Button, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { type FormEvent, useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../api'
import { AccountErrorAlert } from '../accountErrors'
import { useStepUpWithPasscode, useStepUpWithPasskey } from './passkeyApi'

type Pending = { action: () => Promise<unknown>; methods: string[] }

/**
 * Sensitive actions may answer accounts.STEP_UP_REQUIRED: `run(action)` then asks for the passcode (or a
 * passkey) in a dialog and runs the action again once the holder has confirmed.
 */
export const useStepUp = () => {
  const [pending, setPending] = useState<Pending | null>(null)
  const run = useCallback(async (action: () => Promise<unknown>) => {
    try {
      await action()
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'accounts.STEP_UP_REQUIRED') return
      const methods = Array.isArray(e.details?.methods) ? (e.details.methods as string[]) : ['pin']
      setPending({ action, methods })
    }
  }, [])
  const dialog = <StepUpDialog pending={pending} onClose={() => setPending(null)} />
  return { run, dialog }
}

const StepUpDialog = ({ pending, onClose }: { pending: Pending | null; onClose: () => void }) => {
  const { t } = useTranslation()
  const [passcode, setPasscode] = useState('')
  const byPasscode = useStepUpWithPasscode()
  const byPasskey = useStepUpWithPasskey()
  const inputRef = useRef<HTMLInputElement>(null)
  const error = byPasscode.error ?? byPasskey.error
  const done = () => {
    const action = pending?.action
    setPasscode('')
    byPasscode.reset()
    byPasskey.reset()
    onClose()
    if (action) void action().catch(() => undefined)
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    byPasscode.mutate(passcode, { onSuccess: done, onError: () => setPasscode('') })
  }
  return (
    <Modal opened={pending !== null} onClose={onClose} title={t('citizen.stepUp.title')} centered size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('citizen.stepUp.intro')}</Text>
          {error && <AccountErrorAlert error={error} />}
          <PasswordInput
            ref={inputRef}
            label={t('citizen.stepUp.passcode')}
            value={passcode}
            onChange={(e) => setPasscode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            size="md"
            data-autofocus
            required
          />
          <Button
            type="submit"
            size="md"
            fullWidth
            loading={byPasscode.isPending}
            disabled={passcode.length !== 6}
          >
            {t('citizen.stepUp.confirm')}
          </Button>
          {pending?.methods.includes('hwk') && (
            <Button
              variant="outline"
              size="md"
              fullWidth
              loading={byPasskey.isPending}
              onClick={() => byPasskey.mutate(undefined, { onSuccess: done })}
            >
              {t('citizen.stepUp.usePasskey')}
            </Button>
          )}
          <Button variant="default" size="md" fullWidth onClick={onClose}>
            {t('citizen.security.cancel')}
          </Button>
        </Stack>
      </form>
    </Modal>
  )
}
