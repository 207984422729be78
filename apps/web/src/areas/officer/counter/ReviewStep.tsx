import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CounterErrorAlert } from './CounterErrorAlert'
import { type Dossier, useConfirmDossier } from './counterApi'
import { DossierFields } from './DossierFields'

type Props = { dossier: Dossier; onConfirmed: (dossier: Dossier) => void }

/** Step 4: the biometrics matched; the citizen reads every field and signs, then the officer submits. */
export const ReviewStep = ({ dossier, onConfirmed }: Props) => {
  const { t } = useTranslation()
  const confirm = useConfirmDossier(dossier.id)
  const [signed, setSigned] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const foreigner = dossier.kind === 'FOREIGNER_L2_COUNTER'

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!signed)
      return setError(
        t(
          foreigner
            ? 'officer.counter.review.signedRequiredForeigner'
            : 'officer.counter.review.signedRequired',
        ),
      )
    confirm.mutate(undefined, { onSuccess: onConfirmed })
  }

  return (
    <Stack gap="md">
      <Alert
        color="green"
        variant="light"
        title={t('officer.counter.biometrics.match')}
        data-result="match"
        // Mantine's light green title is below 4.5:1 on its background: a darker green, as in DeviceList.
        styles={{ title: { color: '#1b5e20' } }}
      >
        {t('officer.counter.biometrics.matchText')}
      </Alert>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate aria-labelledby="review-title">
          <Stack gap="md">
            <Title order={2} size="h3" id="review-title">
              {t(foreigner ? 'officer.counter.review.titleForeigner' : 'officer.counter.review.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t(foreigner ? 'officer.counter.review.introForeigner' : 'officer.counter.review.intro')}
            </Text>
            <DossierFields dossier={dossier} caption={t('officer.counter.dossier.details')} />
            <Checkbox
              label={t(
                foreigner ? 'officer.counter.review.signedForeigner' : 'officer.counter.review.signed',
              )}
              checked={signed}
              onChange={(e) => {
                setSigned(e.currentTarget.checked)
                if (e.currentTarget.checked) setError(null)
              }}
              error={error}
              required
            />
            {confirm.error && <CounterErrorAlert error={confirm.error} />}
            <Group>
              <Button type="submit" loading={confirm.isPending}>
                {t('officer.counter.review.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
