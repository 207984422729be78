import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatPartialDate } from '../dates'
import { counterPaths, type Dossier } from './counterApi'
import { dossierPath } from './counterPaths'

type Props = { dossier: Dossier; onNew: () => void }

/** Step 5: the dossier number, the due date in working days and the registration slip to print. */
export const ResultStep = ({ dossier: d, onNew }: Props) => {
  const { t } = useTranslation()
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" role="status">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('officer.counter.result.title')}
        </Title>
        <Text>
          {t('officer.counter.result.number')}:{' '}
          <Text span fw={700} ff="monospace" data-testid="dossier-number">
            {d.number}
          </Text>
        </Text>
        {d.receivedOn && (
          <Text>
            {t('officer.counter.result.receivedOn')}: {formatPartialDate(d.receivedOn)}
          </Text>
        )}
        {d.dueOn && (
          <Text>
            {t('officer.counter.result.dueOn')}:{' '}
            <Text span fw={700} data-testid="due-on">
              {formatPartialDate(d.dueOn)}
            </Text>
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('officer.counter.result.dueNote')}
        </Text>
        <Group gap="sm">
          <Button component="a" href={counterPaths.slip(d.id)} target="_blank" rel="noopener">
            {t('officer.counter.result.slip')}
          </Button>
          <Button variant="default" onClick={onNew}>
            {t('officer.counter.receive.startOver')}
          </Button>
        </Group>
        <Anchor component={Link} to={dossierPath(d.id)} size="sm">
          {t('officer.counter.result.view')}
        </Anchor>
      </Stack>
    </Paper>
  )
}
