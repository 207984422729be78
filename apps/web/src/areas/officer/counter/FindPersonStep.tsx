import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePerson } from '../../../api'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { formatPartialDate } from '../dates'
import { isSubject, readSubject, type Subject } from './subject'

type Props = { foreigner: boolean; onFound: (subject: Subject, fullName: string) => void }

/** Step 1: the person, by a typed ID or the CCCD QR a USB scanner types (ending with Enter, which submits). */
export const FindPersonStep = ({ foreigner, onFound }: Props) => {
  const { t } = useTranslation()
  const [input, setInput] = useState('')
  const [subject, setSubject] = useState<Subject | null>(null)
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const personalId = subject && subject.kind !== 'foreigner' ? subject.personalId : ''
  const person = usePerson(personalId)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const read = readSubject(input, foreigner)
    if (!isSubject(read)) {
      setSubject(null)
      setError(t(`officer.counter.find.${read}`))
      inputRef.current?.focus()
      return
    }
    setError(null)
    // Foreigners are not in the citizens' registry: the server checks them when the dossier opens.
    if (read.kind === 'foreigner') return onFound(read, read.foreignerId)
    setSubject(read)
  }

  const p = person.data
  return (
    <Stack gap="md">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              ref={inputRef}
              label={t(foreigner ? 'officer.counter.find.foreignerField' : 'officer.counter.find.field')}
              description={t(
                foreigner
                  ? 'officer.counter.find.foreignerDescription'
                  : 'officer.counter.find.fieldDescription',
              )}
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              error={error}
              autoComplete="off"
              autoFocus
              required
              maxLength={2000}
            />
            <Group gap="sm">
              <Button type="submit">{t('officer.counter.find.submit')}</Button>
            </Group>
            {!foreigner && (
              <Text size="xs" c="dimmed">
                {t('officer.counter.find.cameraLater')}
              </Text>
            )}
          </Stack>
        </form>
      </Paper>
      {person.isFetching && <Loader aria-label={t('common.loading')} />}
      {person.isError && <ErrorAlert error={person.error} context="person" />}
      {p && subject && !person.isFetching && (
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('officer.counter.find.found')}>
          <Stack gap="xs">
            {subject.kind === 'qr' && (
              <Text size="sm" fw={600}>
                {t('officer.counter.find.fromQr')}
              </Text>
            )}
            <Text fw={700} size="lg" data-testid="found-name">
              {p.fullName}
            </Text>
            <Text size="sm">
              {t('officer.counter.fields.subjectId')}:{' '}
              <span style={{ fontFamily: 'monospace' }}>{p.personalId}</span>
              {' · '}
              {t('officer.counter.fields.dateOfBirth')}: {formatPartialDate(p.dateOfBirth)}
            </Text>
            <Text size="sm">
              {t('officer.counter.fields.permanentAddress')}: {p.permanentAddress}
            </Text>
            {p.status === 'deceased' ? (
              <Alert color="red" variant="light" role="alert">
                {t('officer.counter.find.deceased')}
              </Alert>
            ) : (
              <Group>
                <Button onClick={() => onFound(subject, p.fullName)}>
                  {t('officer.counter.find.continue')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
