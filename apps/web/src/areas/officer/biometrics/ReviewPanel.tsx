import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ReviewOutcome, useReviewVerification, type VerificationReview } from '../../../api'
import { type Fact, PersonFacts } from '../PersonFacts'
import { useCurrentOfficer } from '../session/RequireOfficer'
import { BiometricErrorAlert } from './BiometricErrorAlert'
import { useBiometricFormat } from './format'

const OUTCOME_COLORS: Record<string, string> = { confirmed: 'green.9', overturned: 'red.9' }

const DoneReview = ({ review }: { review: NonNullable<VerificationReview['review']> }) => {
  const { t } = useTranslation()
  const format = useBiometricFormat()
  const outcome =
    review.outcome === 'confirmed' || review.outcome === 'overturned'
      ? t(`officer.biometrics.review.outcome.${review.outcome}`)
      : review.outcome
  const facts: Fact[] = [
    {
      label: t('officer.biometrics.review.outcomeLabel'),
      value: (
        <Badge color={OUTCOME_COLORS[review.outcome] ?? 'gray.7'} variant="filled">
          {outcome}
        </Badge>
      ),
    },
    { label: t('officer.biometrics.review.reviewedBy'), value: review.by },
    { label: t('officer.biometrics.review.reviewedAt'), value: format.time(review.at) },
    {
      label: t('officer.biometrics.review.reviewNote'),
      value: review.note || t('officer.biometrics.review.noNote'),
    },
  ]
  return <PersonFacts facts={facts} />
}

type Props = { verification: VerificationReview }

/** The second officer's word on an automatic decision: shown once made, otherwise asked for. */
export const ReviewPanel = ({ verification }: Props) => {
  const { t } = useTranslation()
  const { officerNumber } = useCurrentOfficer()
  const [note, setNote] = useState('')
  const review = useReviewVerification(verification.verificationId)
  const send = (outcome: ReviewOutcome) =>
    review.mutate({ outcome, ...(note.trim() ? { note: note.trim() } : {}) })

  return (
    <Stack gap="md">
      {review.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {t('officer.biometrics.review.saved')}
        </Alert>
      )}
      {review.isError && <BiometricErrorAlert error={review.error} />}
      {verification.review ? (
        <DoneReview review={verification.review} />
      ) : (
        <Stack gap="md">
          <Text>{t('officer.biometrics.review.reviewIntro')}</Text>
          {verification.actor === officerNumber && (
            <Text size="sm" fw={600} c="red.9">
              {t('officer.biometrics.review.ownHint', { officer: officerNumber })}
            </Text>
          )}
          <Textarea
            label={t('officer.biometrics.review.note')}
            description={t('officer.biometrics.review.noteDescription')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            maxRows={6}
          />
          <Group gap="sm">
            <Button
              color="green.9"
              onClick={() => send('confirmed')}
              loading={review.isPending && review.variables?.outcome === 'confirmed'}
              disabled={review.isPending}
              aria-label={t('officer.biometrics.review.confirmLabel')}
            >
              {t('officer.biometrics.review.confirm')}
            </Button>
            <Button
              color="red.9"
              variant="outline"
              onClick={() => send('overturned')}
              loading={review.isPending && review.variables?.outcome === 'overturned'}
              disabled={review.isPending}
              aria-label={t('officer.biometrics.review.overturnLabel')}
            >
              {t('officer.biometrics.review.overturn')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  )
}
