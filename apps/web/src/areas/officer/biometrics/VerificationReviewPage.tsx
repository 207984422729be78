import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useVerification, type VerificationReview } from '../../../api'
import { type Fact, PersonFacts } from '../PersonFacts'
import { BiometricErrorAlert } from './BiometricErrorAlert'
import { decisionExplanation, explainCode, useLabel } from './biometricLabels'
import { DecisionBadge } from './DecisionBadge'
import { FacePair } from './FacePair'
import { useBiometricFormat } from './format'
import { FACE_CHECK_PATH } from './paths'
import { ReviewPanel } from './ReviewPanel'
import { ScoreMeter } from './ScoreMeter'

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby={id}>
    <Title order={2} size="h4" id={id} mb="md">
      {title}
    </Title>
    {children}
  </Paper>
)

const Mono = ({ children }: { children: string }) => (
  <Text span ff="monospace" fw={600} style={{ overflowWrap: 'anywhere' }}>
    {children}
  </Text>
)

const VerificationView = ({ v }: { v: VerificationReview }) => {
  const { t } = useTranslation()
  const format = useBiometricFormat()
  const reason = v.reasonCode
    ? `${explainCode(v.reasonCode, t) ?? v.reasonCode} (${v.reasonCode})`
    : t('officer.biometrics.review.reasonNone')
  const facts: Fact[] = [
    { label: t('officer.biometrics.review.subjectId'), value: <Mono>{v.subjectId}</Mono> },
    { label: t('officer.biometrics.review.use'), value: useLabel(v.use, t) },
    {
      label: t('officer.biometrics.review.decision'),
      value: <DecisionBadge decision={v.decision} size="md" />,
    },
    { label: t('officer.biometrics.review.reason'), value: reason },
    { label: t('officer.biometrics.review.at'), value: format.time(v.at) },
    { label: t('officer.biometrics.review.actor'), value: <Mono>{v.actor}</Mono> },
    { label: t('officer.biometrics.review.purpose'), value: v.purpose },
    { label: t('officer.biometrics.review.modelVersion'), value: <Mono>{v.modelVersion}</Mono> },
    { label: t('officer.biometrics.review.verificationId'), value: <Mono>{v.verificationId}</Mono> },
  ]
  return (
    <Stack gap="md">
      <Group gap="sm" align="center">
        <Title order={1}>{t('officer.biometrics.review.title')}</Title>
        <DecisionBadge decision={v.decision} size="xl" />
      </Group>
      <Section id="review-images-title" title={t('officer.biometrics.review.imagesTitle')}>
        <Stack gap="md">
          <FacePair probe={v.probeImage} reference={v.referenceImage} />
          <ScoreMeter score={v.score} threshold={v.threshold} />
          {decisionExplanation(v.decision, t) && <Text>{decisionExplanation(v.decision, t)}</Text>}
        </Stack>
      </Section>
      <Section id="review-details-title" title={t('officer.biometrics.review.detailsTitle')}>
        <PersonFacts facts={facts} />
      </Section>
      <Section id="review-outcome-title" title={t('officer.biometrics.review.reviewTitle')}>
        <ReviewPanel verification={v} />
      </Section>
    </Stack>
  )
}

export const VerificationReviewPage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const query = useVerification(id)
  return (
    <Stack gap="md">
      <Button component={Link} to={FACE_CHECK_PATH} variant="subtle" px={0} w="fit-content">
        ← {t('officer.biometrics.review.back')}
      </Button>
      {query.isPending && query.fetchStatus === 'fetching' && <Loader aria-label={t('common.loading')} />}
      {query.isError && (
        <Stack gap="md">
          <Title order={1}>{t('officer.biometrics.review.title')}</Title>
          <BiometricErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        </Stack>
      )}
      {query.data && <VerificationView v={query.data} />}
    </Stack>
  )
}
