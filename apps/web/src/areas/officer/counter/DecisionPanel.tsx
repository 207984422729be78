import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CounterErrorAlert } from './CounterErrorAlert'
import { REJECTION_REASONS, type RejectionReason, useDecideDossier } from './counterApi'

const isReason = (v: string): v is RejectionReason => (REJECTION_REASONS as readonly string[]).includes(v)

/** Approve, or reject with a reason; four-eyes and jurisdiction refusals are explained by their code. */
export const DecisionPanel = ({ dossierId }: { dossierId: string }) => {
  const { t } = useTranslation()
  const decide = useDecideDossier(dossierId)
  const [reason, setReason] = useState<RejectionReason | ''>('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({})

  const reject = () => {
    const next = {
      ...(reason ? {} : { reason: t('officer.counter.decide.reasonRequired') }),
      ...(reason === 'OTHER' && note.trim() === '' ? { note: t('officer.counter.decide.noteRequired') } : {}),
    }
    setErrors(next)
    if (!reason || next.note) return
    decide.mutate({ decision: 'reject', reason, ...(note.trim() ? { note: note.trim() } : {}) })
  }

  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby="decide-title"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="decide-title">
          {t('officer.counter.decide.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('officer.counter.decide.intro')}
        </Text>
        {decide.error && <CounterErrorAlert error={decide.error} />}
        <Group>
          <Button
            color="teal.9"
            loading={decide.isPending}
            onClick={() => decide.mutate({ decision: 'approve' })}
          >
            {t('officer.counter.decide.approve')}
          </Button>
        </Group>
        <NativeSelect
          label={t('officer.counter.decide.reason')}
          value={reason}
          onChange={(e) => {
            const v = e.currentTarget.value
            setReason(isReason(v) ? v : '')
          }}
          error={errors.reason}
          data={[
            { value: '', label: t('officer.counter.form.choose') },
            ...REJECTION_REASONS.map((r) => ({ value: r, label: t(`officer.counter.rejection.${r}`) })),
          ]}
          maw={480}
        />
        <Textarea
          label={t('officer.counter.decide.note')}
          description={t('officer.counter.decide.noteDescription')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          maxLength={500}
          autosize
          minRows={2}
          maw={480}
        />
        <Group>
          <Button color="red.9" variant="outline" loading={decide.isPending} onClick={reject}>
            {t('officer.counter.decide.reject')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
