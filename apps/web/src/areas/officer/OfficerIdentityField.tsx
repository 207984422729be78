import { Badge, Group, Paper, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { setOfficerId, useOfficerIdField } from './officerIdentity'

export const OfficerIdentityField = () => {
  const { t } = useTranslation()
  const value = useOfficerIdField()
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="officer-identity-title">
      <Group gap="xs" mb="xs">
        <Text fw={700} id="officer-identity-title">
          {t('officer.identity.legend')}
        </Text>
        <Badge color="yellow" c="dark" variant="filled" size="sm">
          {t('common.comingSoon')}
        </Badge>
      </Group>
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label={t('officer.identity.label')}
          description={t('officer.identity.description')}
          value={value}
          onChange={(event) => setOfficerId(event.currentTarget.value)}
          error={value.trim() === '' ? t('officer.identity.required') : undefined}
          autoComplete="off"
          spellCheck={false}
          maw={360}
          w="100%"
        />
        <Text size="sm" c="dimmed" maw={460} style={{ flex: '1 1 260px' }} pt={4}>
          {t('officer.identity.note')}
        </Text>
      </Group>
    </Paper>
  )
}
