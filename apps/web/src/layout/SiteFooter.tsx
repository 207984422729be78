import { Anchor, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export const SiteFooter = () => {
  const { t } = useTranslation()
  return (
    <footer className="dd-footer">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {t('footer.text')}
        </Text>
        <Anchor href="/api/docs" size="sm">
          {t('nav.apiDocs')}
        </Anchor>
      </Group>
    </footer>
  )
}
