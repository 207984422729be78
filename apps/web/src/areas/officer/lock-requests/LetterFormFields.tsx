import { Button, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { type FormEvent, type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { todayInVietnam } from './day'
import {
  checkLetterForm,
  EMPTY_LETTER,
  LETTER_FIELDS,
  type LetterErrors,
  type LetterField,
  type LetterForm,
} from './letterForm'
import { GROUND_OF, type LockRequestKind, type NewLockRequest } from './lockRequestsApi'

/** `alert`: the server's answer to the last try, shown next to the button. */
type Props = { pending: boolean; onSubmit: (body: NewLockRequest) => void; alert?: ReactNode }

const isKind = (v: string): v is LockRequestKind => v === 'lock' || v === 'unlock'

/** The authority's written request: every field checked here first, in Vietnamese, before it is sent. */
export const LetterFormFields = ({ pending, onSubmit, alert }: Props) => {
  const { t } = useTranslation()
  const [form, setForm] = useState<LetterForm>(EMPTY_LETTER)
  const [errors, setErrors] = useState<LetterErrors>({})
  const refs = useRef<Partial<Record<LetterField, HTMLInputElement | null>>>({})
  const set = (field: keyof LetterForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }))
  const k = 'officer.lockRequests.record'

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const { errors: next, body } = checkLetterForm(form, todayInVietnam(), t)
    setErrors(next)
    const first = LETTER_FIELDS.find((f) => next[f])
    if (first) return refs.current[first]?.focus()
    if (body) onSubmit(body)
  }

  const text = (field: LetterField, label: string, description?: string, placeholder?: string) => (
    <TextInput
      ref={(el) => {
        refs.current[field] = el
      }}
      label={label}
      description={description}
      placeholder={placeholder}
      value={form[field]}
      onChange={(e) => set(field)(e.currentTarget.value)}
      error={errors[field]}
      autoComplete="off"
      required={field !== 'lockUntil'}
      maw={field === 'authorityName' ? 560 : 360}
    />
  )

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="letter-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="letter-title">
            {t(`${k}.formTitle`)}
          </Title>
          {text('personalId', t(`${k}.personalId`), t(`${k}.personalIdDescription`))}
          <Radio.Group
            label={t(`${k}.kind`)}
            value={form.kind}
            onChange={(v) => isKind(v) && setForm((f) => ({ ...f, kind: v }))}
            required
          >
            <Group gap="lg" mt="xs">
              <Radio value="lock" label={t('officer.lockRequests.kinds.lock')} />
              <Radio value="unlock" label={t('officer.lockRequests.kinds.unlock')} />
            </Group>
          </Radio.Group>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t(`${k}.ground`)}
            </Text>
            <Text size="sm" data-testid="ground" aria-live="polite">
              {t(`officer.lockRequests.grounds.${GROUND_OF[form.kind]}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`${k}.groundDescription`)}
            </Text>
          </Stack>
          {text('authorityName', t(`${k}.authorityName`), t(`${k}.authorityNameDescription`))}
          {text('documentNumber', t(`${k}.documentNumber`), t(`${k}.documentNumberDescription`))}
          {text('documentDate', t(`${k}.documentDate`), t(`${k}.dateDescription`), 'DD/MM/YYYY')}
          {form.kind === 'lock' &&
            text('lockUntil', t(`${k}.lockUntil`), t(`${k}.lockUntilDescription`), 'DD/MM/YYYY')}
          <Textarea
            label={t(`${k}.note`)}
            description={t(`${k}.noteDescription`)}
            value={form.note}
            onChange={(e) => set('note')(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
            maw={560}
          />
          {alert}
          <Group>
            <Button type="submit" loading={pending}>
              {t(`${k}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
