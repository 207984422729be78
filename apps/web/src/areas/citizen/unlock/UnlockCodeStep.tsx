import { Button, Stack } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert, explainAccountError } from '../accountErrors'
import { type UnlockFinished, useFinishUnlock } from '../accountsApi'
import { CodeField, isCode } from '../CodeField'

/** Unlock, step 2: the code lifts the holder's own locks. */
export const UnlockCodeStep = ({
  username,
  onDone,
}: {
  username: string
  onDone: (r: UnlockFinished) => void
}) => {
  const { t } = useTranslation()
  const finish = useFinishUnlock()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const codeRef = useRef<HTMLInputElement>(null)
  const codeError = finish.error?.code.startsWith('authn.OTP_')
    ? explainAccountError(finish.error, t)
    : undefined

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!isCode(code)) {
      setError(t('citizen.activate.codeInvalid'))
      return codeRef.current?.focus()
    }
    finish.mutate({ username, code }, { onSuccess: onDone, onError: () => codeRef.current?.focus() })
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="unlock-step-title">
      <Stack gap="md">
        {finish.error && !codeError && <AccountErrorAlert error={finish.error} />}
        <CodeField
          ref={codeRef}
          value={code}
          onChange={(next) => {
            setCode(next)
            setError(undefined)
          }}
          error={error ?? codeError}
        />
        <Button type="submit" size="lg" fullWidth loading={finish.isPending}>
          {t('citizen.unlock.submit')}
        </Button>
      </Stack>
    </form>
  )
}
