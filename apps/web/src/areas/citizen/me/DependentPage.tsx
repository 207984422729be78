import { Button, Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { AccountErrorAlert } from '../accountErrors'
import { formatIsoDate } from '../citizenFields'
import { citizenPaths, dependentDataAccessPath } from '../paths'
import { DependentCardView } from './DependentCardView'
import { DependentHistory } from './DependentHistory'
import { DependentLockPanel } from './DependentLockPanel'
import { useDependentCard } from './dependentsApi'
import { useAccount } from './RequireSession'

const BackToDependents = () => {
  const { t } = useTranslation()
  return (
    <Button component={Link} to={citizenPaths.dependents} variant="subtle" px={0} w="fit-content">
      ← {t('citizen.dependents.back')}
    </Button>
  )
}

/** One dependent, as their representative acts for them: the card, the account lock, the data-access log, the history. */
export const DependentPage = () => {
  const { t } = useTranslation()
  const { personalId = '' } = useParams()
  const me = useAccount()
  const card = useDependentCard(personalId)
  return (
    <Stack gap="lg">
      <BackToDependents />
      <Stack gap={4}>
        <Title order={1}>{card.data?.fullName ?? t('citizen.dependents.title')}</Title>
        <Text c="dimmed">{t('citizen.dependents.detail.recordedNote')}</Text>
      </Stack>
      {card.isPending && <Loader aria-label={t('common.loading')} />}
      {card.error && <AccountErrorAlert error={card.error} />}
      {card.data && (
        <>
          <DependentCardView card={card.data} />
          <Text size="sm">
            {card.data.takeoverOn
              ? t('citizen.dependents.detail.takeoverOn', { date: formatIsoDate(card.data.takeoverOn) })
              : t('citizen.dependents.detail.ward')}
          </Text>
          {card.data.account && <DependentLockPanel card={card.data} />}
          <Button
            component={Link}
            to={dependentDataAccessPath(personalId)}
            variant="light"
            size="md"
            w="fit-content"
          >
            {t('dataAccess.log.forLink', { name: card.data.fullName })}
          </Button>
          <DependentHistory personalId={personalId} name={card.data.fullName} reader={me.username} />
        </>
      )}
    </Stack>
  )
}
