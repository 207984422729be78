import { Badge, Box, Paper, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

// 012 345 678 901: groups of three are how people read the number out.
const grouped = (id: string) => id.replace(/(\d{3})(?=\d)/g, '$1 ')

// Dark shades: the text must keep 4.5:1 contrast (WCAG AA) on the white badge.
const STATUS_COLOR: Record<string, string> = { active: '#1b5e20', locked: '#8a3c00', closed: 'gray.8' }
const STATUSES = ['active', 'locked', 'closed', 'approved'] as const
const statusKey = (s: string) => STATUSES.find((k) => k === s) ?? 'other'

/** The account's status on the card, in words and a colour that stays readable. */
export const StatusBadge = ({ status }: { status: string }) => {
  const { t } = useTranslation()
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="white" size="lg" data-status={status}>
      {t(`citizen.me.status.${statusKey(status)}`)}
    </Badge>
  )
}

/** The personal ID number as the card prints it, read out digit by digit by screen readers. */
export const CardNumber = ({ id, testId, size }: { id: string; testId: string; size: number }) => {
  const { t } = useTranslation()
  return (
    <Box>
      <Text size="xs" style={{ opacity: 0.9 }}>
        {t('citizen.fields.personalId')}
      </Text>
      <Text
        fz={size}
        fw={700}
        ff="monospace"
        style={{ letterSpacing: '0.04em', whiteSpace: 'nowrap' }}
        aria-label={id}
        data-testid={testId}
      >
        {grouped(id)}
      </Text>
    </Box>
  )
}

type Props = { titleId: string; title: string; testId: string; badge: ReactNode; children: ReactNode }

/** The electronic identity card's frame: the country line, the title and the status badge. */
export const CardFrame = ({ titleId, title, testId, badge, children }: Props) => {
  const { t } = useTranslation()
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      radius="lg"
      p="lg"
      shadow="md"
      c="white"
      style={{
        background:
          'linear-gradient(135deg, var(--mantine-color-brand-8) 0%, var(--mantine-color-brand-6) 100%)',
      }}
      data-testid={testId}
    >
      <Stack gap="md">
        <Stack gap={6} align="flex-start">
          <Text size="xs" tt="uppercase" fw={600} style={{ letterSpacing: '0.06em', opacity: 0.9 }}>
            {t('citizen.me.card.country')}
          </Text>
          <Text fw={700} size="xl" id={titleId} component="h2" m={0} lh={1.25}>
            {title}
          </Text>
          {badge}
        </Stack>
        {children}
      </Stack>
    </Paper>
  )
}
