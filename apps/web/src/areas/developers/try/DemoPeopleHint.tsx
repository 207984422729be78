import { Anchor, Code, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

// The demo registry's named people (apps/server/src/modules/registry/registry.demo.ts): people, not accounts.
const PEOPLE = [
  { id: '079095001234', key: 'an' },
  { id: '001190012345', key: 'binh' },
  { id: '001088004321', key: 'cuong' },
  { id: '036155000777', key: 'dung' },
  { id: 'NN0000000001', key: 'kim' },
] as const

/** Who to log in as in the sandbox: the developer's own account, or a demo person once registered. */
export const DemoPeopleHint = () => {
  const { t } = useTranslation()
  const k = 'tryLogin.hints'
  return (
    <Paper withBorder p="md" component="aside" aria-labelledby="try-hints-title" bg="blue.0">
      <Stack gap="xs">
        <Title order={2} size="h4" id="try-hints-title">
          {t(`${k}.title`)}
        </Title>
        <Text size="sm">{t(`${k}.own`)}</Text>
        <Text size="sm">{t(`${k}.people`)}</Text>
        <List size="sm" spacing={2}>
          {PEOPLE.map((p) => (
            <List.Item key={p.id}>
              <Code>{p.id}</Code> {t(`tryLogin.people.${p.key}`)}
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          <Anchor component={Link} to="/app/register">
            {t(`${k}.register`)}
          </Anchor>
          {' · '}
          {t(`${k}.outbox`, { outbox: '/dev/outbox' })}
        </Text>
      </Stack>
    </Paper>
  )
}
