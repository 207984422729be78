import { Button, Checkbox, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { vi } from '../../../i18n/vi'
import {
  CARD_KINDS,
  CARD_REASONS,
  type CardKind,
  DOCUMENT_KINDS,
  type DocumentKind,
  type OpenDossier,
} from './counterApi'
import { isEmail, normalizeMobile } from './phone'

type CardReasonKey = keyof typeof vi.officer.counter.cardReasons

type Props = {
  pending: boolean
  /** A foreigner's TK01: no ID-card application (cards are for citizens). */
  foreigner: boolean
  onSubmit: (form: Omit<OpenDossier, 'personalId' | 'qr' | 'foreignerId'>) => void
}
type Errors = { phone?: string; email?: string; cardKind?: string; cardReason?: string }

const isCardKind = (v: string): v is CardKind => (CARD_KINDS as string[]).includes(v)
const isDocument = (v: string): v is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(v)

/** Step 2: form TK01 (own-name phone, e-mail, documents to integrate, a citizen's optional ID-card application). */
export const Tk01Form = ({ pending, foreigner, onSubmit }: Props) => {
  const { t } = useTranslation()
  const [phone, setPhone] = useState('')
  const [email, setEmail] = useState('')
  const [documents, setDocuments] = useState<DocumentKind[]>([])
  const [withCard, setWithCard] = useState(false)
  const [cardKind, setCardKind] = useState<CardKind | ''>('')
  const [cardReason, setCardReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const phoneRef = useRef<HTMLInputElement>(null)
  const emailRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const mobile = normalizeMobile(phone)
    const next: Errors = {}
    if (phone.trim() === '') next.phone = t('officer.counter.form.phoneRequired')
    else if (!mobile) next.phone = t('officer.counter.form.phoneInvalid')
    if (email.trim() !== '' && !isEmail(email.trim())) next.email = t('officer.counter.form.emailInvalid')
    if (withCard && !cardKind) next.cardKind = t('officer.counter.form.cardKindRequired')
    if (withCard && !cardReason) next.cardReason = t('officer.counter.form.cardReasonRequired')
    setErrors(next)
    if (next.phone) return phoneRef.current?.focus()
    if (next.email) return emailRef.current?.focus()
    if (!mobile || next.cardKind || next.cardReason) return
    onSubmit({
      phone: mobile,
      ...(email.trim() ? { email: email.trim() } : {}),
      documents,
      ...(withCard && cardKind ? { cardApplication: { kind: cardKind, reason: cardReason } } : {}),
    })
  }

  const choose = t('officer.counter.form.choose')
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="tk01-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="tk01-title">
            {t('officer.counter.form.title')}
          </Title>
          <TextInput
            ref={phoneRef}
            label={t('officer.counter.form.phone')}
            description={t(
              foreigner
                ? 'officer.counter.form.phoneDescriptionForeigner'
                : 'officer.counter.form.phoneDescription',
            )}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.phone}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            required
            maw={360}
          />
          <TextInput
            ref={emailRef}
            label={t('officer.counter.form.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            type="email"
            autoComplete="off"
            maw={360}
          />
          <Checkbox.Group
            label={t('officer.counter.form.documents')}
            description={t('officer.counter.form.documentsDescription')}
            value={documents}
            onChange={(values) => setDocuments(values.filter(isDocument))}
          >
            <Stack gap="xs" mt="xs">
              {DOCUMENT_KINDS.map((d) => (
                <Checkbox key={d} value={d} label={t(`officer.counter.documents.${d}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          {!foreigner && (
            <Checkbox
              label={t('officer.counter.form.withCard')}
              description={t('officer.counter.form.withCardDescription')}
              checked={withCard}
              onChange={(e) => setWithCard(e.currentTarget.checked)}
            />
          )}
          {withCard && (
            <Group align="flex-start" gap="md">
              <NativeSelect
                label={t('officer.counter.form.cardKind')}
                value={cardKind}
                onChange={(e) => {
                  const v = e.currentTarget.value
                  setCardKind(isCardKind(v) ? v : '')
                  setCardReason('')
                }}
                error={errors.cardKind}
                required
                data={[
                  { value: '', label: choose },
                  ...CARD_KINDS.map((k) => ({ value: k, label: t(`officer.counter.cardKinds.${k}`) })),
                ]}
              />
              <NativeSelect
                label={t('officer.counter.form.cardReason')}
                value={cardReason}
                onChange={(e) => setCardReason(e.currentTarget.value)}
                error={errors.cardReason}
                required
                disabled={!cardKind}
                data={[
                  { value: '', label: choose },
                  ...(cardKind ? CARD_REASONS[cardKind] : []).map((r) => ({
                    value: r,
                    label: t(`officer.counter.cardReasons.${r as CardReasonKey}`),
                  })),
                ]}
              />
            </Group>
          )}
          <Group>
            <Button type="submit" loading={pending}>
              {t('officer.counter.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
