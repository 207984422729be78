import { Anchor, List, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMyApplications } from '../developersApi'
import { triable } from './triable'

/** On the console (sandbox only): a link to try a login with each of the developer's test clients. */
export const TryLoginCard = () => {
  const { t } = useTranslation()
  const mine = useMyApplications()
  const clients = (mine.data?.items ?? []).filter(triable)
  return (
    <Stack gap="sm" component="section" aria-labelledby="try-card-title">
      <Title order={2} id="try-card-title">
        {t('tryLogin.card.title')}
      </Title>
      <Text>{t('tryLogin.card.intro')}</Text>
      {mine.data && clients.length === 0 && <Text size="sm">{t('tryLogin.card.none')}</Text>}
      {clients.length > 0 && (
        <List>
          {clients.map((a) => (
            <List.Item key={a.id}>
              <Anchor component={Link} to={`/developers/try?client=${encodeURIComponent(a.clientId ?? '')}`}>
                {t('tryLogin.card.try', { name: a.service.name })}
              </Anchor>{' '}
              <Text span size="sm" ff="monospace">
                ({a.clientId})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}
