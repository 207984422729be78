import { Alert, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCurrentOfficer } from '../session/RequireOfficer'
import { BiometricsStep } from './BiometricsStep'
import { CounterErrorAlert } from './CounterErrorAlert'
import { type Dossier, useCancelDossier, useOpenDossier } from './counterApi'
import { FindPersonStep } from './FindPersonStep'
import { ForeignerSection } from './ForeignerFacts'
import type { Foreigner } from './foreignerApi'
import { ResultStep } from './ResultStep'
import { ReviewStep } from './ReviewStep'
import { type Subject, subjectBody } from './subject'
import { Tk01Form } from './Tk01Form'

type Found = { subject: Subject; fullName: string; foreigner: Foreigner | null }

const stepOf = (found: Found | null, dossier: Dossier | null): number => {
  if (!found) return 0
  if (!dossier) return 1
  if (dossier.state === 'draft') return 2
  if (dossier.state === 'awaiting_confirmation') return 3
  // Past the last step: the stepper shows every step done.
  return 5
}

/** /officer/counter/new: level-2 registration at the counter, one step at a time (DOMAIN §5.2). */
export const ReceivePage = () => {
  const { t } = useTranslation()
  const officer = useCurrentOfficer()
  // Immigration officers receive foreigners (D69 Art 11); every other receiving officer citizens.
  const foreigner = officer.roles.includes('immigration_officer')
  const [found, setFound] = useState<Found | null>(null)
  const [dossier, setDossier] = useState<Dossier | null>(null)
  const [cancelled, setCancelled] = useState<string | null>(null)
  const [round, setRound] = useState(0)
  const open = useOpenDossier()
  const cancel = useCancelDossier(dossier?.id ?? '')
  const active = stepOf(found, dossier)

  const restart = () => {
    setFound(null)
    setDossier(null)
    open.reset()
    setRound((r) => r + 1)
  }

  return (
    <Stack gap="lg" key={round}>
      <Stack gap={4}>
        <Title order={1}>{t('officer.counter.receive.title')}</Title>
        <Text size="sm" c="dimmed">
          {t(foreigner ? 'officer.counter.receive.introForeigner' : 'officer.counter.receive.intro')}
        </Text>
      </Stack>
      <Stepper
        active={active}
        size="sm"
        allowNextStepsSelect={false}
        aria-label={t('officer.counter.receive.title')}
      >
        <Stepper.Step
          label={t(
            foreigner ? 'officer.counter.receive.steps.findForeigner' : 'officer.counter.receive.steps.find',
          )}
        />
        <Stepper.Step label={t('officer.counter.receive.steps.form')} />
        <Stepper.Step label={t('officer.counter.receive.steps.biometrics')} />
        <Stepper.Step label={t('officer.counter.receive.steps.review')} />
        <Stepper.Step label={t('officer.counter.receive.steps.result')} />
      </Stepper>
      {cancelled && (
        <Alert color="gray" variant="light" role="status">
          {t('officer.counter.receive.cancelled', { number: cancelled })}
        </Alert>
      )}
      {found && active < 5 && (
        <Text fw={600} data-testid="counter-person">
          {found.fullName}
          {dossier ? ` · ${dossier.number}` : ''}
        </Text>
      )}
      {active === 0 && (
        <FindPersonStep
          foreigner={foreigner}
          onFound={(subject, fullName, record) => {
            setCancelled(null)
            setFound({ subject, fullName, foreigner: record })
          }}
        />
      )}
      {found?.foreigner && (active === 1 || active === 3) && <ForeignerSection foreigner={found.foreigner} />}
      {active === 1 && found && (
        <Stack gap="md">
          <Tk01Form
            pending={open.isPending}
            foreigner={found.subject.kind === 'foreigner'}
            onSubmit={(form) =>
              open.mutate({ ...subjectBody(found.subject), ...form }, { onSuccess: setDossier })
            }
          />
          {open.error && <CounterErrorAlert error={open.error} />}
          <Group>
            <Button variant="subtle" onClick={restart}>
              {t('officer.counter.receive.startOver')}
            </Button>
          </Group>
        </Stack>
      )}
      {active === 2 && dossier && <BiometricsStep dossier={dossier} onVerified={setDossier} />}
      {active === 3 && dossier && <ReviewStep dossier={dossier} onConfirmed={setDossier} />}
      {active === 5 && dossier && <ResultStep dossier={dossier} onNew={restart} />}
      {dossier && (active === 2 || active === 3) && (
        <Stack gap="xs">
          {cancel.error && <CounterErrorAlert error={cancel.error} />}
          <Group>
            <Button
              variant="outline"
              color="red"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(undefined, {
                  onSuccess: (d) => {
                    restart()
                    setCancelled(d.number)
                  },
                })
              }
            >
              {t('officer.counter.receive.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  )
}
