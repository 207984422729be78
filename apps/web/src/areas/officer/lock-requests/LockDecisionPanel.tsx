import { Blockquote, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay } from './day'
import { LockRequestErrorAlert } from './LockRequestErrorAlert'
import { type LockDecision, type LockRequest, useDecideLockRequest } from './lockRequestsApi'

// The server's minimum (decision.service.ts): a word or two is not a reason.
const MIN_REASONS = 10

/** Approve, or refuse with written reasons; each asks for a confirmation first. */
export const LockDecisionPanel = ({ request: r }: { request: LockRequest }) => {
  const { t } = useTranslation()
  const decide = useDecideLockRequest(r.id)
  const [reasons, setReasons] = useState('')
  const [reasonsError, setReasonsError] = useState<string>()
  const [confirming, setConfirming] = useState<LockDecision | null>(null)
  const k = 'officer.lockRequests.decide'

  const askRefuse = () => {
    const written = reasons.trim()
    if (written.length < MIN_REASONS) return setReasonsError(t(`${k}.reasonsRequired`))
    setReasonsError(undefined)
    setConfirming({ decision: 'refuse', reasons: written })
  }
  const approveText =
    r.kind === 'unlock'
      ? t(`${k}.confirmApproveUnlock`, { personalId: r.personalId })
      : r.lockUntil
        ? t(`${k}.confirmApproveLockUntil`, { personalId: r.personalId, date: formatDay(r.lockUntil) })
        : t(`${k}.confirmApproveLock`, { personalId: r.personalId })

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
          {t(`${k}.title`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`${k}.intro`)}
        </Text>
        {decide.error && !confirming && <LockRequestErrorAlert error={decide.error} />}
        <Group>
          <Button color="teal.9" onClick={() => setConfirming({ decision: 'approve' })}>
            {t(`${k}.approve`)}
          </Button>
        </Group>
        <Textarea
          label={t(`${k}.reasons`)}
          description={t(`${k}.reasonsDescription`)}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          error={reasonsError}
          maxLength={4000}
          autosize
          minRows={3}
          maw={560}
        />
        <Group>
          <Button color="red.9" variant="outline" onClick={askRefuse}>
            {t(`${k}.refuse`)}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t(confirming?.decision === 'refuse' ? `${k}.confirmRefuseTitle` : `${k}.confirmApproveTitle`)}
        centered
        size="md"
        closeButtonProps={{ 'aria-label': t(`${k}.close`) }}
      >
        <Stack gap="md">
          {confirming?.decision === 'refuse' ? (
            <>
              <Text size="sm">{t(`${k}.confirmRefuse`)}</Text>
              <Blockquote p="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {confirming.reasons}
              </Blockquote>
            </>
          ) : (
            <Text size="sm">{approveText}</Text>
          )}
          {decide.error && <LockRequestErrorAlert error={decide.error} />}
          <Group>
            <Button
              color={confirming?.decision === 'refuse' ? 'red.9' : 'teal.9'}
              loading={decide.isPending}
              onClick={() =>
                confirming && decide.mutate(confirming, { onSuccess: () => setConfirming(null) })
              }
            >
              {t(confirming?.decision === 'refuse' ? `${k}.confirmRefuseButton` : `${k}.confirmApprove`)}
            </Button>
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t(`${k}.cancel`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
