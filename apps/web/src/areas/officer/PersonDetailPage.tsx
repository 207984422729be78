import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { type Person, usePerson } from '../../api'
import { ErrorAlert } from '../../layout/ErrorAlert'
import { formatPartialDate } from './dates'
import { PersonCards } from './PersonCards'
import { type Fact, PersonFacts } from './PersonFacts'
import { PersonRelatives } from './PersonRelatives'
import { LifeStatusBadge } from './StatusBadge'

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby={id}>
    <Title order={2} size="h4" id={id} mb="md">
      {title}
    </Title>
    {children}
  </Paper>
)

const PersonView = ({ person }: { person: Person }) => {
  const { t } = useTranslation()
  const orNone = (value: string | null | undefined) => value || t('common.notProvided')
  const identity: Fact[] = [
    {
      label: t('officer.person.fields.personalId'),
      value: (
        <Text ff="monospace" span fw={600}>
          {person.personalId}
        </Text>
      ),
    },
    { label: t('officer.person.fields.fullName'), value: person.fullName },
    { label: t('officer.person.fields.dateOfBirth'), value: formatPartialDate(person.dateOfBirth) },
    { label: t('officer.person.fields.gender'), value: t(`officer.gender.${person.gender}`) },
    { label: t('officer.person.fields.nationality'), value: orNone(person.nationality) },
    { label: t('officer.person.fields.ethnicity'), value: orNone(person.ethnicity) },
    { label: t('officer.person.fields.religion'), value: orNone(person.religion) },
    { label: t('officer.person.fields.status'), value: <LifeStatusBadge status={person.status} /> },
  ]
  const residence: Fact[] = [
    { label: t('officer.person.fields.placeOfBirth'), value: orNone(person.placeOfBirth) },
    { label: t('officer.person.fields.hometown'), value: orNone(person.hometown) },
    { label: t('officer.person.fields.permanentAddress'), value: orNone(person.permanentAddress) },
    { label: t('officer.person.fields.temporaryAddress'), value: orNone(person.temporaryAddress) },
  ]
  return (
    <Stack gap="md">
      <Group gap="sm" align="center">
        <Title order={1}>{person.fullName}</Title>
        <LifeStatusBadge status={person.status} />
      </Group>
      <Section id="identity-section" title={t('officer.person.identitySection')}>
        <PersonFacts facts={identity} />
      </Section>
      <Section id="residence-section" title={t('officer.person.residenceSection')}>
        <PersonFacts facts={residence} />
      </Section>
      <Section id="cards-section" title={t('officer.person.cardsSection')}>
        <PersonCards cards={person.cards} />
      </Section>
      <Section id="old-ids-section" title={t('officer.person.oldIdsSection')}>
        {person.oldIdNumbers.length === 0 ? (
          <Text>{t('officer.person.noOldIds')}</Text>
        ) : (
          <Group gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {person.oldIdNumbers.map((n) => (
              <Text component="li" key={n} ff="monospace">
                {n}
              </Text>
            ))}
          </Group>
        )}
      </Section>
      <Section id="relatives-section" title={t('officer.person.relativesSection')}>
        <PersonRelatives relatives={person.relatives} />
      </Section>
    </Stack>
  )
}

export const PersonDetailPage = () => {
  const { t } = useTranslation()
  const { personalId = '' } = useParams()
  const query = usePerson(personalId)
  const state: unknown = useLocation().state
  const backSearch =
    typeof state === 'object' && state !== null && 'search' in state && typeof state.search === 'string'
      ? state.search
      : ''
  return (
    <Stack gap="md">
      <Button component={Link} to={`/officer/search${backSearch}`} variant="subtle" px={0} w="fit-content">
        ← {t('officer.person.backToSearch')}
      </Button>
      {query.isPending && query.fetchStatus === 'fetching' && <Loader aria-label={t('common.loading')} />}
      {query.isError && (
        <Stack gap="md">
          <Title order={1}>{t('officer.person.title')}</Title>
          <ErrorAlert error={query.error} context="person" onRetry={() => void query.refetch()} />
        </Stack>
      )}
      {query.data && <PersonView person={query.data} />}
    </Stack>
  )
}
