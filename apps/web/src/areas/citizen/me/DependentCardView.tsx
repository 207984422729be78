import { Badge, Box, Group, Image, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatIsoDate } from '../citizenFields'
import type { DependentCard } from './dependentsApi'

// 012 345 678 901: groups of three are how people read the number out.
const grouped = (id: string) => id.replace(/(\d{3})(?=\d)/g, '$1 ')

// Dark shades: the text must keep 4.5:1 contrast (WCAG AA) on the white badge.
const STATUS_COLOR: Record<string, string> = { active: '#1b5e20', locked: '#8a3c00', closed: 'gray.8' }
const STATUSES = ['active', 'locked', 'closed', 'approved'] as const
const statusKey = (s: string) => STATUSES.find((k) => k === s) ?? 'other'

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
    <Paper
      component="section"
      aria-labelledby="dependent-card-title"
      radius="lg"
      p="lg"
      shadow="md"
      c="white"
      style={{
        background:
          'linear-gradient(135deg, var(--mantine-color-brand-8) 0%, var(--mantine-color-brand-6) 100%)',
      }}
      data-testid="dependent-card"
    >
      <Stack gap="md">
        <Stack gap={6} align="flex-start">
          <Text size="xs" tt="uppercase" fw={600} style={{ letterSpacing: '0.06em', opacity: 0.9 }}>
            {t('citizen.me.card.country')}
          </Text>
          <Text fw={700} size="lg" id="dependent-card-title" component="h2" m={0} lh={1.25}>
            {t('citizen.dependents.detail.cardTitle')}
          </Text>
          {card.account ? (
            <Badge
              color={STATUS_COLOR[card.account.status] ?? 'gray'}
              variant="white"
              size="lg"
              data-status={card.account.status}
            >
              {t(`citizen.me.status.${statusKey(card.account.status)}`)}
            </Badge>
          ) : (
            <Badge color="gray.8" variant="white" size="lg">
              {t('citizen.dependents.detail.underYours')}
            </Badge>
          )}
        </Stack>
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
            <Field
              label={t('citizen.dependents.detail.dateOfBirth')}
              value={formatIsoDate(card.dateOfBirth)}
            />
            <Field
              label={t('citizen.dependents.detail.gender')}
              value={t(`citizen.dependents.detail.genders.${card.gender}`)}
            />
          </Stack>
        </Group>
        <Box>
          <Text size="xs" style={{ opacity: 0.9 }}>
            {t('citizen.fields.personalId')}
          </Text>
          <Text
            fz={24}
            fw={700}
            ff="monospace"
            style={{ letterSpacing: '0.04em', whiteSpace: 'nowrap' }}
            aria-label={card.personalId}
            data-testid="dependent-number"
          >
            {grouped(card.personalId)}
          </Text>
        </Box>
        {card.account && (
          <Field
            label={t('citizen.dependents.detail.level')}
            value={t('citizen.me.card.levelValue', { level: card.account.level })}
          />
        )}
      </Stack>
    </Paper>
  )
}
