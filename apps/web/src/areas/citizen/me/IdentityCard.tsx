import { Box, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CardFrame, CardNumber, StatusBadge } from './CardFrame'
import type { Me } from './meApi'

/** The electronic identity account as a card, the first thing the holder sees. */
export const IdentityCard = ({ me }: { me: Me }) => {
  const { t } = useTranslation()
  return (
    <CardFrame
      titleId="eid-card-title"
      title={t('citizen.me.card.title')}
      testId="eid-card"
      badge={<StatusBadge status={me.status} />}
    >
      <CardNumber id={me.username} testId="eid-number" size={26} />
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
    </CardFrame>
  )
}
