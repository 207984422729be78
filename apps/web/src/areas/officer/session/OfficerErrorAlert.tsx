import { Alert, List, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { useRuleFailureTexts } from '../../citizen/accountErrors'
import { explainOfficerError } from './officerErrors'

type Props = { error: ApiError; title?: string }

/** An officer-account error; a refused password lists the rules it broke, in the server's own words. */
export const OfficerErrorAlert = ({ error, title }: Props) => {
  const { t } = useTranslation()
  const failures = useRuleFailureTexts(error)
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('officer.admin.errors.title')}>
      <Stack gap={4}>
        <Text size="sm">{explainOfficerError(error, t)}</Text>
        {failures.length > 0 && (
          <List size="sm">
            {failures.map((f) => (
              <List.Item key={f.code}>{f.text}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  )
}
