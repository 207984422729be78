import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePerson } from '../../../api'
import { qrScanMessages } from '../../../camera/CameraToggle'
import { QrScanner } from '../../../camera/QrScanner'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { formatPartialDate } from '../dates'
import { ForeignerFacts } from './ForeignerFacts'
import { type Foreigner, useForeigner } from './foreignerApi'
import { isSubject, readSubject, type Subject } from './subject'

// No CCCD QR in front of the camera for this long: the camera stops and the officer is told what to try.
const SCAN_GIVE_UP_SECONDS = 20

type Props = {
  foreigner: boolean
  onFound: (subject: Subject, fullName: string, record: Foreigner | null) => void
}

/**
 * Step 1: the person, by a typed ID, the CCCD QR a USB scanner types (ending with Enter, which submits)
 * or the same QR read by the camera; at an immigration office, the foreigner's ID number.
 */
export const FindPersonStep = ({ foreigner, onFound }: Props) => {
  const { t } = useTranslation()
  const [input, setInput] = useState('')
  const [subject, setSubject] = useState<Subject | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [scanning, setScanning] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const personalId = subject && subject.kind !== 'foreigner' ? subject.personalId : ''
  const person = usePerson(personalId)
  const foreignerId = subject?.kind === 'foreigner' ? subject.foreignerId : ''
  const resident = useForeigner(foreignerId)

  const find = (raw: string) => {
    const read = readSubject(raw, foreigner)
    if (!isSubject(read)) {
      setSubject(null)
      setError(t(`officer.counter.find.${read}`))
      inputRef.current?.focus()
      return
    }
    setError(null)
    setSubject(read)
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    find(input)
  }

  // The camera hands over what a USB scanner would have typed: only a CCCD QR ends the scan.
  const scanned = (text: string): boolean => {
    const read = readSubject(text, false)
    if (!isSubject(read) || read.kind !== 'qr') return false
    setScanning(false)
    setInput(text)
    find(text)
    return true
  }

  const p = person.data
  const f = resident.data
  const lookup = foreigner ? resident : person
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
              {!foreigner && !scanning && (
                <Button type="button" variant="outline" onClick={() => setScanning(true)}>
                  {t('officer.counter.find.scan')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
        {scanning && (
          <Stack mt="md" gap="xs" component="section" aria-label={t('officer.counter.scan.title')}>
            <QrScanner
              onCode={scanned}
              onClose={() => setScanning(false)}
              hint={t('officer.counter.scan.hint')}
              giveUpAfterMs={SCAN_GIVE_UP_SECONDS * 1000}
              messages={qrScanMessages(t, 'officer.counter.scan', {
                noCode: t('officer.counter.scan.noCode', { seconds: SCAN_GIVE_UP_SECONDS }),
              })}
            />
          </Stack>
        )}
      </Paper>
      {lookup.isFetching && <Loader aria-label={t('common.loading')} />}
      {lookup.isError && <ErrorAlert error={lookup.error} context="person" />}
      {p && subject && subject.kind !== 'foreigner' && !person.isFetching && (
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
                <Button onClick={() => onFound(subject, p.fullName, null)}>
                  {t('officer.counter.find.continue')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      {f && subject?.kind === 'foreigner' && !resident.isFetching && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-label={t('officer.counter.find.foundForeigner')}
        >
          <Stack gap="sm">
            <Text fw={700} size="lg" data-testid="found-name">
              {f.fullName}
            </Text>
            <ForeignerFacts foreigner={f} />
            {f.status === 'deceased' ? (
              <Alert color="red" variant="light" role="alert">
                {t('officer.counter.find.deceased')}
              </Alert>
            ) : (
              <Group>
                <Button onClick={() => onFound(subject, f.fullName, f)}>
                  {t('officer.counter.find.continueForeigner')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
