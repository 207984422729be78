import { Button, Code, CopyButton, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AuthenticatorOffer, useConfirmAuthenticator } from './firstLoginApi'
import { OfficerErrorAlert } from './OfficerErrorAlert'
import type { SignedIn } from './officerSessionApi'

type Props = {
  officerNumber: string
  offer: AuthenticatorOffer
  onSignedIn: (out: SignedIn) => void
  onChangePassword: () => void
}

// Groups of four, as authenticator apps show setup keys: easier to read out and type.
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret

/** First login, step 2: scan the QR code (or type the key) into an authenticator app, then its first code. */
export const FirstLoginAuthenticatorStep = ({
  officerNumber,
  offer,
  onSignedIn,
  onChangePassword,
}: Props) => {
  const { t } = useTranslation()
  const confirm = useConfirmAuthenticator()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const codeRef = useRef<HTMLInputElement>(null)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!/^\d{6}$/.test(code)) {
      setError(t('officer.admin.firstLogin.codeInvalid'))
      return codeRef.current?.focus()
    }
    confirm.mutate(code, {
      onSuccess: onSignedIn,
      onError: () => {
        setCode('')
        codeRef.current?.focus()
      },
    })
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="first-login-step">
      <Stack gap="md">
        <Text>{t('officer.admin.firstLogin.authenticatorIntro')}</Text>
        <Image
          src={offer.qrDataUrl}
          alt={t('officer.admin.firstLogin.qrAlt', { number: officerNumber })}
          w={220}
          h={220}
          fit="contain"
          style={{ background: 'white', alignSelf: 'center' }}
          data-otpauth={offer.otpauthUri}
        />
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('officer.admin.firstLogin.manualTitle')}
          </Title>
          <Text size="sm">{t('officer.admin.firstLogin.manualIntro', { number: officerNumber })}</Text>
          <Group gap="xs" wrap="wrap">
            <Code fz="md" aria-label={t('officer.admin.firstLogin.secret')} data-secret={offer.secret}>
              {grouped(offer.secret)}
            </Code>
            <CopyButton value={offer.secret}>
              {({ copied, copy }) => (
                <Button variant="subtle" size="compact-sm" onClick={copy}>
                  {copied ? t('officer.admin.firstLogin.copied') : t('officer.admin.firstLogin.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        {confirm.error && (
          <OfficerErrorAlert error={confirm.error} title={t('officer.admin.firstLogin.refused')} />
        )}
        <TextInput
          ref={codeRef}
          label={t('officer.admin.firstLogin.code')}
          description={t('officer.admin.firstLogin.codeDescription')}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))
            setError(undefined)
          }}
          error={error}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          size="lg"
          styles={{ input: { letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' } }}
          required
        />
        <Button type="submit" size="md" loading={confirm.isPending}>
          {t('officer.admin.firstLogin.confirm')}
        </Button>
        <Button variant="subtle" onClick={onChangePassword}>
          {t('officer.admin.firstLogin.changePasswordAgain')}
        </Button>
      </Stack>
    </form>
  )
}
