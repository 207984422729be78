import { Badge, Box, Group, Image, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatIsoDate } from '../citizenFields'
import { CardFrame, CardNumber, StatusBadge } from './CardFrame'
import type { DependentCard } from './dependentsApi'

const Field = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <Box>
    <Text size="xs" style={{ opacity: 0.9 }}>
      {label}
    </Text>
    <Text fw={700} data-testid={testId}>
      {value}
    </Text>
  </Box>
)

/** The dependent's electronic identity as their representative sees it: portrait, identity, account. */
export const DependentCardView = ({ card }: { card: DependentCard }) => {
  const { t } = useTranslation()
  return (
    <CardFrame
      titleId="dependent-card-title"
      title={t('citizen.dependents.detail.cardTitle')}
      testId="dependent-card"
      badge={
        card.account ? (
          <StatusBadge status={card.account.status} />
        ) : (
          <Badge color="gray.8" variant="white" size="lg">
            {t('citizen.dependents.detail.underYours')}
          </Badge>
        )
      }
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        {card.photo ? (
          <Image
            src={card.photo}
            alt={t('citizen.dependents.detail.photoAlt', { name: card.fullName })}
            w={96}
            h={128}
            radius="sm"
            fit="cover"
            data-testid="dependent-photo"
          />
        ) : (
          <Box
            w={96}
            h={128}
            style={{ borderRadius: 4, border: '1px dashed rgba(255,255,255,0.7)', flexShrink: 0 }}
            display="flex"
            p={6}
          >
            <Text size="xs" ta="center" m="auto">
              {t('citizen.dependents.detail.noPhoto')}
            </Text>
          </Box>
        )}
        <Stack gap={6}>
          <Text fw={700} size="lg" data-testid="dependent-name">
            {card.fullName}
          </Text>
          <Field label={t('citizen.dependents.detail.dateOfBirth')} value={formatIsoDate(card.dateOfBirth)} />
          <Field
            label={t('citizen.dependents.detail.gender')}
            value={t(`citizen.dependents.detail.genders.${card.gender}`)}
          />
        </Stack>
      </Group>
      <CardNumber id={card.personalId} testId="dependent-number" size={24} />
      {card.account && (
        <Field
          label={t('citizen.dependents.detail.level')}
          value={t('citizen.me.card.levelValue', { level: card.account.level })}
        />
      )}
    </CardFrame>
  )
}
