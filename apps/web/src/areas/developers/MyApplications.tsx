import { Alert, Badge, Box, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../layout/ErrorAlert'
import { developerError } from './developerErrors'
import {
  type Application,
  type Credentials,
  useCredentials,
  useMyApplications,
  useWithdraw,
} from './developersApi'
import { ReplaceKeys } from './ReplaceKeys'

const day = (d: string) => d.split('-').reverse().join('/')

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
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t(`${k}.caption`)}>
          <Table miw={760} striped withTableBorder captionSide="top">
            <Table.Caption style={{ textAlign: 'left' }}>{t(`${k}.caption`)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${k}.service`)}</Table.Th>
                <Table.Th scope="col">{t(`${k}.kind`)}</Table.Th>
                <Table.Th scope="col">{t(`${k}.state`)}</Table.Th>
                <Table.Th scope="col">{t(`${k}.dueOn`)}</Table.Th>
                <Table.Th scope="col">{t(`${k}.client`)}</Table.Th>
                <Table.Th scope="col">{t(`${k}.actions`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.data.items.map((a) => (
                <Table.Tr key={a.id} data-testid={`application-${a.id}`}>
                  <Table.Td>
                    <Text fw={600}>{a.service.name}</Text>
                    <Text size="sm">{a.organisation.name}</Text>
                  </Table.Td>
                  <Table.Td>{t(`developers.kinds.${a.kind}`)}</Table.Td>
                  <Table.Td>
                    <Text>{t(`developers.states.${a.state}`)}</Text>
                    {a.clientStatus && (
                      <Text size="sm">{t(`developers.clientStatus.${a.clientStatus}`)}</Text>
                    )}
                    {a.refusalReason && (
                      <Text size="sm">{t(`${k}.refusedBecause`, { reason: a.refusalReason })}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.kind === 'production' && day(a.dueOn)}{' '}
                    {a.overdue && (
                      <Badge color="red" variant="light">
                        {t(`${k}.overdue`)}
                      </Badge>
                    )}
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
                      {a.state === 'approved' &&
                        a.credentialsCollected &&
                        a.authMethod !== 'private_key_jwt' && (
                          <Button size="xs" variant="outline" onClick={() => show(a, true)}>
                            {t(`${k}.rotate`)}
                          </Button>
                        )}
                    </Group>
                    {a.state === 'approved' && a.authMethod === 'private_key_jwt' && (
                      <ReplaceKeys id={a.id} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Stack>
  )
}
