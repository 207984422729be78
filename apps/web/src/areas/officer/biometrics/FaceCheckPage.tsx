import { Box, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useVerifyFace } from '../../../api'
import { BiometricErrorAlert } from './BiometricErrorAlert'
import { FaceCheckForm } from './FaceCheckForm'
import { FaceCheckResult } from './FaceCheckResult'

export const FaceCheckPage = () => {
  const { t } = useTranslation()
  const check = useVerifyFace()
  const outcomeRef = useRef<HTMLDivElement>(null)
  const settled = check.isSuccess || check.isError

  // On a phone the answer is below the form: bring it into view (and focus) when it arrives.
  useEffect(() => {
    if (settled) outcomeRef.current?.focus()
  }, [settled])

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} id="face-check-title">
          {t('officer.biometrics.check.title')}
        </Title>
        <Text c="dimmed">{t('officer.biometrics.check.intro')}</Text>
      </Stack>
      <FaceCheckForm
        pending={check.isPending}
        onSubmit={(input) => check.mutate(input)}
        onReset={() => check.reset()}
      />
      {check.isPending && (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text size="sm">{t('officer.biometrics.check.slowNote')}</Text>
        </Group>
      )}
      <Box ref={outcomeRef} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: 72 }}>
        {check.isError && <BiometricErrorAlert error={check.error} />}
        {check.data && <FaceCheckResult result={check.data} />}
      </Box>
    </Stack>
  )
}
