import { Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'

type Props = { title: string; rules: { key: string; label: string; met: boolean }[] }

/**
 * Live rule hints under a secret field. Rendered as spans because they sit inside the field's
 * description (a paragraph), which the input points to with aria-describedby.
 */
export const RuleHints = ({ title, rules }: Props) => {
  const { t } = useTranslation()
  return (
    <>
      <VisuallyHidden>{title}: </VisuallyHidden>
      {rules.map((rule) => (
        <Text
          key={rule.key}
          span
          size="sm"
          display="block"
          // A dark green: Mantine's green.8 is below the 4.5:1 contrast WCAG asks for small text.
          c={rule.met ? '#1b5e20' : 'gray.7'}
          data-rule={rule.key}
          data-met={rule.met}
        >
          <span aria-hidden="true">{rule.met ? '✓ ' : '○ '}</span>
          {rule.label}
          <VisuallyHidden>
            {' '}
            ({rule.met ? t('citizen.activate.ruleMet') : t('citizen.activate.ruleNotMet')});
          </VisuallyHidden>
        </Text>
      ))}
    </>
  )
}
