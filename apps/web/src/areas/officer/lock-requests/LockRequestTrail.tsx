import { Stack, Table, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../counter/format'
import { lockActionLabel } from './lockRequestLabels'
import type { TrailEntry } from './lockRequestsApi'

// The same event may be recorded twice in one millisecond (reads under a frozen clock): count repeats.
const keyed = (trail: TrailEntry[]) => {
  const seen = new Map<string, number>()
  return trail.map((e) => {
    const base = `${e.at}|${e.actor}|${e.action}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return { key: `${base}|${n}`, e }
  })
}

/** The request's audit trail: its own steps and the lock or unlock it carried out, oldest first. */
export const LockRequestTrail = ({ trail }: { trail: TrailEntry[] }) => {
  const { t } = useTranslation()
  const k = 'officer.lockRequests.request'
  return (
    <Stack gap="xs" component="section" aria-labelledby="lock-trail-title">
      <Title order={2} size="h4" id="lock-trail-title">
        {t(`${k}.trail`)}
      </Title>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>{t(`${k}.trailCaption`)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`${k}.at`)}</Table.Th>
            <Table.Th scope="col">{t(`${k}.actor`)}</Table.Th>
            <Table.Th scope="col">{t(`${k}.action`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keyed(trail).map(({ key, e }) => (
            <Table.Tr key={key} data-action={e.action}>
              <Table.Td>{formatDateTime(e.at)}</Table.Td>
              <Table.Td ff="monospace">{e.actor}</Table.Td>
              <Table.Td>{lockActionLabel(e.action, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
