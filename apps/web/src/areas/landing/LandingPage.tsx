import { Button, Card, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GaugeIcon, PhoneIcon, SearchIcon } from '../../layout/icons'

type AreaKey = 'citizen' | 'officer' | 'admin'
const AREAS: readonly { key: AreaKey; to: string; Icon: typeof PhoneIcon }[] = [
  { key: 'citizen', to: '/app', Icon: PhoneIcon },
  { key: 'officer', to: '/officer', Icon: SearchIcon },
  { key: 'admin', to: '/admin', Icon: GaugeIcon },
]

export const LandingPage = () => {
  const { t } = useTranslation()
  return (
    <Stack gap="xl">
      <Stack gap="sm" maw={760}>
        <Title order={1}>{t('landing.title')}</Title>
        <Text size="lg">{t('landing.intro')}</Text>
      </Stack>

      <section aria-labelledby="areas-title">
        <Title order={2} id="areas-title" size="h3" mb="md">
          {t('landing.areasTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {AREAS.map((area) => (
            <Card key={area.key} withBorder shadow="xs" padding="lg" className="dd-card-link">
              <Stack gap="sm" h="100%">
                <ThemeIcon size={44} radius="md" variant="light">
                  <area.Icon />
                </ThemeIcon>
                <Title order={3} size="h4">
                  {t(`landing.areas.${area.key}.title`)}
                </Title>
                <Text style={{ flex: 1 }}>{t(`landing.areas.${area.key}.body`)}</Text>
                <Button component={Link} to={area.to} fullWidth>
                  {t(`landing.areas.${area.key}.cta`)}
                </Button>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="principles-title">
        <Title order={2} id="principles-title" size="h3" mb="sm">
          {t('landing.principlesTitle')}
        </Title>
        <List spacing="xs">
          <List.Item>{t('landing.principles.openSource')}</List.Item>
          <List.Item>{t('landing.principles.privacy')}</List.Item>
          <List.Item>{t('landing.principles.accessible')}</List.Item>
        </List>
      </section>
    </Stack>
  )
}
