import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatPartialDate } from '../dates'
import { cardStatusLabel } from '../labels'
import { PersonCards } from '../PersonCards'
import type { CardCheck, Matches, Verdict } from './cardCheckApi'

// Green: rely on the card; yellow: a genuine card that may not be used; red: refuse it.
const colorOf = (v: Verdict) =>
  v === 'valid' ? 'green' : v === 'expired' || v === 'card_not_current' ? 'yellow' : 'red'

type Field = keyof CardCheck['parsed']
const MATCHED: Partial<Record<Field, keyof Matches>> = {
  fullName: 'fullName',
  dateOfBirth: 'dateOfBirth',
  gender: 'gender',
  oldCmnd: 'oldCmnd',
  issueDate: 'issueDate',
}

const MatchBadge = ({ value }: { value: boolean | null | undefined }) => {
  const { t } = useTranslation()
  if (value === undefined) return null
  if (value === null)
    return (
      <Badge variant="light" color="gray">
        {t('officer.cardCheck.notChecked')}
      </Badge>
    )
  // Mantine's green.9 has 4.4:1 under white text: a darker green keeps it above 4.5:1.
  return (
    <Badge variant="filled" color={value ? '#1e6b30' : 'red.9'} data-match={value}>
      {value ? t('officer.cardCheck.match') : t('officer.cardCheck.noMatch')}
    </Badge>
  )
}

export const CardCheckResult = ({ result }: { result: CardCheck }) => {
  const { t } = useTranslation()
  const { parsed, registry, verdict, person } = result
  const matches = registry.matches
  const value = (f: Field): string => {
    if (f === 'gender') return t(`officer.gender.${parsed.gender}`)
    if (f === 'dateOfBirth' || f === 'issueDate') return formatPartialDate(parsed[f])
    if (f === 'extra') return parsed.extra.join(' | ')
    return parsed[f] ?? t('officer.cardCheck.none')
  }
  const fields: Field[] = [
    'personalId',
    'fullName',
    'dateOfBirth',
    'gender',
    'address',
    'issueDate',
    'oldCmnd',
  ]
  if (parsed.extra.length > 0) fields.push('extra')
  const card = registry.card
  return (
    <Stack gap="md" component="section" aria-label={t('officer.cardCheck.resultLabel')}>
      <Alert
        color={colorOf(verdict)}
        variant="light"
        role="status"
        data-verdict={verdict}
        // The light variants' green and yellow text is below 4.5:1 on their backgrounds: the colour stays in the frame.
        styles={{
          title: { color: 'var(--mantine-color-text)' },
          message: { color: 'var(--mantine-color-text)' },
        }}
        title={
          <Text span fz="lg" fw={700} data-testid="verdict">
            {t(`officer.cardCheck.verdicts.${verdict}`)}
          </Text>
        }
      >
        <Stack gap={4}>
          <Text>{t(`officer.cardCheck.explain.${verdict}`)}</Text>
          <Text size="xs" c="dimmed">
            {t('officer.cardCheck.checkedOn', { date: formatPartialDate(result.checkedOn) })}
          </Text>
        </Stack>
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('officer.cardCheck.parsedTitle')}
          </Title>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {fields.map((f) => {
                const key = MATCHED[f]
                return (
                  <Table.Tr key={f} data-field={f}>
                    <Table.Th scope="row" fw={500} w="40%">
                      {t(`officer.cardCheck.fields.${f}`)}
                    </Table.Th>
                    <Table.Td ff={f === 'personalId' || f === 'oldCmnd' ? 'monospace' : undefined}>
                      {value(f)}
                    </Table.Td>
                    <Table.Td ta="right" w={140} className="dd-nowrap">
                      {matches && key ? <MatchBadge value={matches[key]} /> : null}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('officer.cardCheck.cardTitle')}
          </Title>
          {card ? (
            <Table verticalSpacing="xs">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row" fw={500} w="40%">
                    {t('officer.cardCheck.card.kind')}
                  </Table.Th>
                  <Table.Td>{t(`officer.cardKind.${card.kind}`)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={500}>
                    {t('officer.cardCheck.card.status')}
                  </Table.Th>
                  <Table.Td>
                    {cardStatusLabel(card.expired && card.status === 'valid' ? 'expired' : card.status, t)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={500}>
                    {t('officer.cardCheck.card.current')}
                  </Table.Th>
                  <Table.Td>
                    {card.current ? t('officer.cardCheck.card.yes') : t('officer.cardCheck.card.no')}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={500}>
                    {t('officer.cardCheck.card.expiresOn')}
                  </Table.Th>
                  <Table.Td>
                    {card.expiresOn
                      ? formatPartialDate(card.expiresOn)
                      : t('officer.cardCheck.card.noExpiry')}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          ) : (
            <Text>
              {registry.found ? t('officer.cardCheck.noCard') : t(`officer.cardCheck.verdicts.${verdict}`)}
            </Text>
          )}
        </Paper>
      </SimpleGrid>
      {person && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h4">
                {t('officer.cardCheck.personTitle')}
              </Title>
              <Anchor component={Link} to={`/officer/persons/${encodeURIComponent(person.personalId)}`}>
                {t('officer.cardCheck.openRecord')}
              </Anchor>
            </Group>
            <Text fw={700} size="lg" data-testid="record-name">
              {person.fullName}
            </Text>
            <Text size="sm">
              {t('officer.cardCheck.fields.personalId')}:{' '}
              <span style={{ fontFamily: 'monospace' }}>{person.personalId}</span>
              {' · '}
              {t('officer.cardCheck.fields.dateOfBirth')}: {formatPartialDate(person.dateOfBirth)}
              {' · '}
              {t(`officer.gender.${person.gender}`)}
              {' · '}
              {t(`officer.lifeStatus.${person.status}`)}
            </Text>
            <Text size="sm">
              {t('officer.cardCheck.fields.address')}: {person.permanentAddress}
            </Text>
            <PersonCards cards={person.cards} />
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
