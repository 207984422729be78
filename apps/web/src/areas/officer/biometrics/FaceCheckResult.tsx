import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { FaceVerification } from '../../../api'
import { type Fact, PersonFacts } from '../PersonFacts'
import { decisionExplanation, useLabel } from './biometricLabels'
import { DecisionBadge } from './DecisionBadge'
import { useBiometricFormat } from './format'
import { reviewPath } from './paths'
import { ScoreMeter } from './ScoreMeter'

const Mono = ({ children }: { children: string }) => (
  <Text span ff="monospace" fw={600} style={{ overflowWrap: 'anywhere' }}>
    {children}
  </Text>
)

export const FaceCheckResult = ({ result }: { result: FaceVerification }) => {
  const { t } = useTranslation()
  const format = useBiometricFormat()
  const { quality, liveness } = result
  const degrees = (n: number) => t('officer.biometrics.result.degrees', { value: format.number(n, 1) })
  const orNotMeasured = (n: number | null, show: (n: number) => string) =>
    n === null ? t('officer.biometrics.result.notMeasured') : show(n)
  const orNotChecked = (n: number | null) =>
    n === null ? t('officer.biometrics.result.notChecked') : format.score(n)

  const about: Fact[] = [
    { label: t('officer.biometrics.result.subjectId'), value: <Mono>{result.subjectId}</Mono> },
    { label: t('officer.biometrics.result.use'), value: useLabel(result.use, t) },
    { label: t('officer.biometrics.result.modelVersion'), value: <Mono>{result.modelVersion}</Mono> },
    { label: t('officer.biometrics.result.verificationId'), value: <Mono>{result.verificationId}</Mono> },
  ]
  const measures: Fact[] = quality
    ? [
        {
          label: t('officer.biometrics.result.faceSize'),
          value: t('officer.biometrics.result.pixels', { value: format.number(quality.faceSize, 0) }),
        },
        { label: t('officer.biometrics.result.sharpness'), value: format.number(quality.sharpness, 1) },
        { label: t('officer.biometrics.result.yaw'), value: degrees(quality.yaw) },
        { label: t('officer.biometrics.result.pitch'), value: degrees(quality.pitch) },
        { label: t('officer.biometrics.result.roll'), value: degrees(quality.roll) },
        {
          label: t('officer.biometrics.result.eyeOpenness'),
          value: orNotMeasured(quality.eyeOpenness, (n) => format.score(n)),
        },
        { label: t('officer.biometrics.result.detectionScore'), value: format.score(quality.detectionScore) },
      ]
    : []
  const live: Fact[] = liveness
    ? [
        { label: t('officer.biometrics.result.antispoof'), value: orNotChecked(liveness.antispoof) },
        { label: t('officer.biometrics.result.liveness'), value: orNotChecked(liveness.liveness) },
      ]
    : []

  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby="face-result-title"
    >
      <Stack gap="md">
        <Group gap="sm" justify="space-between" align="center">
          <Title order={2} size="h3" id="face-result-title">
            {t('officer.biometrics.result.title')}
          </Title>
          <DecisionBadge decision={result.decision} size="xl" />
        </Group>
        <Text>{decisionExplanation(result.decision, t)}</Text>
        <ScoreMeter score={result.score} threshold={result.threshold} />
        <PersonFacts facts={about} />
        {measures.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('officer.biometrics.result.qualityTitle')}
            </Title>
            <PersonFacts facts={measures} />
          </Stack>
        )}
        {live.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('officer.biometrics.result.livenessTitle')}
            </Title>
            <PersonFacts facts={live} />
          </Stack>
        )}
        <Button component={Link} to={reviewPath(result.verificationId)} variant="light" w="fit-content">
          {t('officer.biometrics.result.openReview')} →
        </Button>
      </Stack>
    </Paper>
  )
}
