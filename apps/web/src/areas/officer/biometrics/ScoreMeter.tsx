import { Box, Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useBiometricFormat } from './format'

const percent = (n: number) => `${Math.min(100, Math.max(0, n * 100))}%`

/** The similarity score as a bar (0..1) with the use's threshold marked on it; the text says the same. */
export const ScoreMeter = ({ score, threshold }: { score: number | null; threshold: number }) => {
  const { t } = useTranslation()
  const format = useBiometricFormat()
  const passed = score !== null && score >= threshold
  const line =
    score === null
      ? t('officer.biometrics.score.none', { threshold: format.score(threshold) })
      : t('officer.biometrics.score.line', { score: format.score(score), threshold: format.score(threshold) })
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600}>{t('officer.biometrics.score.label')}</Text>
        <Text fw={500} data-testid="score-line">
          {line}
        </Text>
      </Group>
      <Box pos="relative" aria-hidden="true" py={4}>
        <Progress
          value={score === null ? 0 : Math.min(100, Math.max(0, score * 100))}
          color={passed ? 'green.9' : 'red.9'}
          size="xl"
          radius="sm"
        />
        <Box
          pos="absolute"
          top={0}
          bottom={0}
          w={3}
          bg="dark.8"
          style={{ left: percent(threshold), transform: 'translateX(-50%)', borderRadius: 2 }}
        />
      </Box>
      <Box pos="relative" h={18} aria-hidden="true">
        <Text
          size="xs"
          fw={600}
          pos="absolute"
          style={{ left: percent(threshold), transform: 'translateX(-50%)', whiteSpace: 'nowrap' }}
        >
          ▲ {t('officer.biometrics.score.thresholdMark')} {format.score(threshold)}
        </Text>
      </Box>
    </Stack>
  )
}
