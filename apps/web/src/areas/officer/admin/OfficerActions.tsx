import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OfficerErrorAlert } from '../session/OfficerErrorAlert'
import { type OfficerAction, type OfficerDetail, useOfficerAction } from './adminApi'
import { OneTimePassword } from './OneTimePassword'

type Props = { officer: OfficerDetail; self: boolean }

// Suspension and resets end the officer's sessions: each waits for a confirmation that says so.
const DANGEROUS: ReadonlySet<OfficerAction> = new Set(['suspend', 'resetAuthenticator'])

/** Suspend or reactivate, reset the password or the authenticator: each after a confirmation dialog. */
export const OfficerActions = ({ officer, self }: Props) => {
  const { t } = useTranslation()
  const act = useOfficerAction(officer.id)
  const [confirming, setConfirming] = useState<OfficerAction | null>(null)
  const [done, setDone] = useState<OfficerAction | null>(null)
  const number = officer.officerNumber
  const available: OfficerAction[] = [
    officer.status === 'active' ? 'suspend' : 'reactivate',
    'resetPassword',
    'resetAuthenticator',
  ]
  const close = () => setConfirming(null)
  const confirm = (action: OfficerAction) =>
    act.mutate(action, {
      onSuccess: () => {
        setDone(action)
        close()
      },
    })
  const oneTime = act.data && 'oneTimePassword' in act.data ? act.data.oneTimePassword : null
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('officer.admin.detail.actions')}
        </Title>
        {done && (
          <Text role="status" fw={600} c="teal.9">
            {t(`officer.admin.actions.done.${done}`, { number })}
          </Text>
        )}
        {oneTime && <OneTimePassword officerNumber={number} password={oneTime} />}
        {act.error && !confirming && <OfficerErrorAlert error={act.error} />}
        <Group gap="sm">
          {available.map((action) => (
            <Button
              key={action}
              variant={DANGEROUS.has(action) ? 'outline' : 'default'}
              color={DANGEROUS.has(action) ? 'red.9' : undefined}
              disabled={self}
              onClick={() => {
                act.reset()
                setDone(null)
                setConfirming(action)
              }}
            >
              {t(`officer.admin.actions.${action}`)}
            </Button>
          ))}
        </Group>
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={close}
        title={confirming ? t(`officer.admin.actions.confirmTitle.${confirming}`, { number }) : ''}
        centered
        size="md"
      >
        {confirming && (
          <Stack gap="md">
            <Text size="sm">{t(`officer.admin.actions.confirmBody.${confirming}`)}</Text>
            {act.error && <OfficerErrorAlert error={act.error} />}
            <Button
              color={DANGEROUS.has(confirming) ? 'red.9' : undefined}
              loading={act.isPending}
              onClick={() => confirm(confirming)}
            >
              {t(`officer.admin.actions.confirm.${confirming}`)}
            </Button>
            <Button variant="default" onClick={close}>
              {t('officer.admin.actions.cancel')}
            </Button>
          </Stack>
        )}
      </Modal>
    </Paper>
  )
}
