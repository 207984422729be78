import { Badge, type MantineSize } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { decisionLabel } from './biometricLabels'

// Filled badges in dark shades keep white text above 4.5:1; yellow carries dark text instead.
const COLORS: Record<string, { color: string; c?: string }> = {
  match: { color: 'green.9' },
  no_match: { color: 'red.9' },
  quality_rejected: { color: 'yellow.5', c: 'dark.9' },
  spoof_suspected: { color: 'grape.9' },
}

export const DecisionBadge = ({ decision, size = 'lg' }: { decision: string; size?: MantineSize }) => {
  const { t } = useTranslation()
  const { color, c } = COLORS[decision] ?? { color: 'gray.7' }
  return (
    <Badge color={color} c={c} variant="filled" size={size} data-decision={decision}>
      {decisionLabel(decision, t)}
    </Badge>
  )
}
