import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../layout/ErrorAlert'
import { ApplicationsTable, DueOn } from './ApplicationsTable'
import { developerError } from './developerErrors'
import {
  type Application,
  type Credentials,
  useCredentials,
  useMyApplications,
  useWithdraw,
} from './developersApi'
import { ReplaceKeys } from './ReplaceKeys'

/** The applicant's applications and clients, with what each one allows now. */
export const MyApplications = ({ onCredentials }: { onCredentials: (c: Credentials) => void }) => {
  const { t } = useTranslation()
  const mine = useMyApplications()
  const withdraw = useWithdraw()
  const credentials = useCredentials()
  const k = 'developers.mine'
  const error = withdraw.error ?? credentials.error
  const show = (a: Application, rotate: boolean) =>
    credentials.mutate({ id: a.id, rotate }, { onSuccess: onCredentials })
  return (
    <Stack gap="sm">
      <Title order={2}>{t(`${k}.title`)}</Title>
      {mine.isPending && <Loader aria-label={t('common.loading')} />}
      {mine.error && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {error && (
        <Alert color="red" role="alert">
          {developerError(error, t, 'developers')}
        </Alert>
      )}
      {mine.data && mine.data.items.length === 0 && <Text>{t(`${k}.empty`)}</Text>}
      {mine.data && mine.data.items.length > 0 && (
        <ApplicationsTable
          caption={t(`${k}.caption`)}
          columns={[
            t(`${k}.service`),
            t(`${k}.kind`),
            t(`${k}.state`),
            t(`${k}.dueOn`),
            t(`${k}.client`),
            t(`${k}.actions`),
          ]}
        >
          {mine.data.items.map((a) => (
            <Table.Tr key={a.id} data-testid={`application-${a.id}`}>
              <Table.Td>
                <Text fw={600}>{a.service.name}</Text>
                <Text size="sm">{a.organisation.name}</Text>
              </Table.Td>
              <Table.Td>{t(`developers.kinds.${a.kind}`)}</Table.Td>
              <Table.Td>
                <Text>{t(`developers.states.${a.state}`)}</Text>
                {a.clientStatus && <Text size="sm">{t(`developers.clientStatus.${a.clientStatus}`)}</Text>}
                {a.refusalReason && (
                  <Text size="sm">{t(`${k}.refusedBecause`, { reason: a.refusalReason })}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <DueOn
                  dueOn={a.kind === 'production' ? a.dueOn : null}
                  overdue={a.overdue}
                  label={t(`${k}.overdue`)}
                />
              </Table.Td>
              <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                {a.clientId ?? '—'}
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {(a.state === 'submitted' || a.state === 'agreement_recorded') && (
                    <Button size="xs" variant="outline" color="red" onClick={() => withdraw.mutate(a.id)}>
                      {t(`${k}.withdraw`)}
                    </Button>
                  )}
                  {a.state === 'approved' && !a.credentialsCollected && (
                    <Button size="xs" onClick={() => show(a, false)} loading={credentials.isPending}>
                      {t(`${k}.collect`)}
                    </Button>
                  )}
                  {a.state === 'approved' && a.credentialsCollected && a.authMethod !== 'private_key_jwt' && (
                    <Button size="xs" variant="outline" onClick={() => show(a, true)}>
                      {t(`${k}.rotate`)}
                    </Button>
                  )}
                </Group>
                {a.state === 'approved' && a.authMethod === 'private_key_jwt' && <ReplaceKeys id={a.id} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </ApplicationsTable>
      )}
    </Stack>
  )
}
