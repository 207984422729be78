import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Me } from './meApi'

// 012 345 678 901: groups of three are how people read the number out.
const grouped = (id: string) => id.replace(/(\d{3})(?=\d)/g, '$1 ')

// Dark shades: the text must keep 4.5:1 contrast (WCAG AA) on the white badge.
const STATUS_COLOR: Record<string, string> = { active: '#1b5e20', locked: '#8a3c00', closed: 'gray.8' }

/** The electronic identity account as a card, the first thing the holder sees. */
export const IdentityCard = ({ me }: { me: Me }) => {
  const { t } = useTranslation()
  const status = ['active', 'locked', 'closed', 'approved'].includes(me.status) ? me.status : 'other'
  return (
    <Paper
      component="section"
      aria-labelledby="eid-card-title"
      radius="lg"
      p="lg"
      shadow="md"
      c="white"
      style={{
        background:
          'linear-gradient(135deg, var(--mantine-color-brand-8) 0%, var(--mantine-color-brand-6) 100%)',
      }}
      data-testid="eid-card"
    >
      <Stack gap="md">
        <Stack gap={6} align="flex-start">
          <Text size="xs" tt="uppercase" fw={600} style={{ letterSpacing: '0.06em', opacity: 0.9 }}>
            {t('citizen.me.card.country')}
          </Text>
          <Text fw={700} size="xl" id="eid-card-title" component="h2" m={0} lh={1.25}>
            {t('citizen.me.card.title')}
          </Text>
          <Badge color={STATUS_COLOR[me.status] ?? 'gray'} variant="white" size="lg" data-status={me.status}>
            {t(`citizen.me.status.${status}` as 'citizen.me.status.other')}
          </Badge>
        </Stack>
        <Box>
          <Text size="xs" style={{ opacity: 0.9 }}>
            {t('citizen.fields.personalId')}
          </Text>
          <Text
            fz={26}
            fw={700}
            ff="monospace"
            style={{ letterSpacing: '0.04em', whiteSpace: 'nowrap' }}
            data-testid="eid-number"
            aria-label={me.username}
          >
            {grouped(me.username)}
          </Text>
        </Box>
        <Group gap="xl" wrap="nowrap">
          <Box>
            <Text size="xs" style={{ opacity: 0.9 }}>
              {t('citizen.me.card.level')}
            </Text>
            <Text fw={700}>{t('citizen.me.card.levelValue', { level: me.level })}</Text>
          </Box>
          <Box>
            <Text size="xs" style={{ opacity: 0.9 }}>
              {t('citizen.me.card.phone')}
            </Text>
            <Text fw={700} ff="monospace">
              {me.phone}
            </Text>
          </Box>
        </Group>
      </Stack>
    </Paper>
  )
}
