import { Anchor, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ApplicationsTable, DueOn } from '../../developers/ApplicationsTable'
import { day } from '../../developers/day'
import { developerError } from '../../developers/developerErrors'
import { type QueueFilter, rpApplicationPath, useRpQueue } from './relyingPartiesApi'

/** /officer/relying-parties: applications to appraise, earliest due first, overdue flagged. */
export const RpQueuePage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const state: QueueFilter = params.get('state') === 'decided' ? 'decided' : 'open'
  const queue = useRpQueue(state, 1)
  const k = 'officer.relyingParties.queue'
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t(`${k}.title`)}</Title>
        <Text size="sm">{t(`${k}.intro`)}</Text>
      </Stack>
      <SegmentedControl
        aria-label={t(`${k}.filter`)}
        value={state}
        onChange={(s) => setParams(s === 'open' ? {} : { state: s })}
        data={[
          { value: 'open', label: t(`${k}.open`) },
          { value: 'decided', label: t(`${k}.decided`) },
        ]}
        w="fit-content"
      />
      {queue.isPending && <Loader aria-label={t('common.loading')} />}
      {queue.error && <Text role="alert">{developerError(queue.error, t, 'officer.relyingParties')}</Text>}
      {queue.data && queue.data.total === 0 && <Text>{t(`${k}.empty`)}</Text>}
      {queue.data && queue.data.total > 0 && (
        <ApplicationsTable
          caption={t(`${k}.caption`)}
          columns={[
            t(`${k}.service`),
            t(`${k}.organisation`),
            t(`${k}.state`),
            t(`${k}.submittedOn`),
            t(`${k}.dueOn`),
          ]}
        >
          {queue.data.items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={rpApplicationPath(a.id)} fw={600}>
                  {a.service.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {a.organisation.name} ({a.organisation.code})
              </Table.Td>
              <Table.Td>{t(`officer.relyingParties.states.${a.state}`)}</Table.Td>
              <Table.Td>{day(a.submittedOn)}</Table.Td>
              <Table.Td>
                <DueOn dueOn={a.dueOn} overdue={a.overdue} label={t(`${k}.overdue`)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ApplicationsTable>
      )}
    </Stack>
  )
}
