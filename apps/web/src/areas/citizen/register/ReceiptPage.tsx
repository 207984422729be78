import { Alert, Button, CopyButton, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { AccountErrorAlert } from '../accountErrors'
import { type Receipt, useDossierStatus } from '../accountsApi'
import { BackToHome } from '../BackToHome'
import { formatIsoDate } from '../citizenFields'
import { statusPath } from '../paths'

const isReceipt = (value: unknown, id: string): value is Receipt =>
  typeof value === 'object' && value !== null && (value as Receipt).dossierId === id

/** The receipt right after submitting: the dossier number, the dates and where to follow it. */
export const ReceiptPage = () => {
  const { t } = useTranslation()
  const { dossierId = '' } = useParams()
  const state: unknown = useLocation().state
  const fromSubmit = isReceipt(state, dossierId) ? state : null
  // Opened again later (reload, bookmark): the status answer carries the same dates.
  const status = useDossierStatus(fromSubmit ? '' : dossierId, { poll: false })
  const receipt = fromSubmit ?? status.data ?? null

  return (
    <Stack gap="lg">
      <BackToHome />
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size={48} radius="xl" color="green" variant="light" aria-hidden="true">
          ✓
        </ThemeIcon>
        <Title order={1}>{t('citizen.receipt.title')}</Title>
      </Group>
      {status.error && <AccountErrorAlert error={status.error} />}
      {!receipt && status.isLoading && <Loader aria-label={t('common.loading')} />}
      {receipt && (
        <>
          <Alert color="green" variant="light" role="status">
            {t('citizen.receipt.body')}
          </Alert>
          <Paper withBorder radius="md" p="md">
            <Stack gap="md" component="dl" m={0}>
              <div>
                <Text component="dt" size="sm" c="dimmed">
                  {t('citizen.receipt.dossierId')}
                </Text>
                <Group component="dd" m={0} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                  <Text ff="monospace" fw={700} style={{ wordBreak: 'break-all' }} data-testid="dossier-id">
                    {receipt.dossierId}
                  </Text>
                  <CopyButton value={receipt.dossierId}>
                    {({ copied, copy }) => (
                      <Button
                        variant="light"
                        size="xs"
                        onClick={copy}
                        style={{ flexShrink: 0 }}
                        aria-label={t('citizen.receipt.copy')}
                      >
                        {copied ? t('citizen.receipt.copied') : t('citizen.receipt.copyShort')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </div>
              <div>
                <Text component="dt" size="sm" c="dimmed">
                  {t('citizen.receipt.receivedOn')}
                </Text>
                <Text component="dd" m={0} fw={600}>
                  {formatIsoDate(receipt.receivedOn)}
                </Text>
              </div>
              <div>
                <Text component="dt" size="sm" c="dimmed">
                  {t('citizen.receipt.dueOn')}
                </Text>
                <Text component="dd" m={0} fw={600}>
                  {formatIsoDate(receipt.dueOn)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('citizen.receipt.dueNote')}
                </Text>
              </div>
            </Stack>
          </Paper>
          <Button component={Link} to={statusPath(receipt.dossierId)} size="lg" fullWidth>
            {t('citizen.receipt.track')}
          </Button>
        </>
      )}
    </Stack>
  )
}
