import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { day } from '../../developers/day'
import { developerError } from '../../developers/developerErrors'
import { useCurrentOfficer } from '../session/RequireOfficer'
import { RP_QUEUE_PATH, useRpApplication, useRpStep } from './relyingPartiesApi'

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="sm" fw={600}>
      {label}
    </Text>
    <Text component="div" style={{ wordBreak: 'break-word' }}>
      {children}
    </Text>
  </Stack>
)

/** /officer/relying-parties/:id: one application, and the steps the officer may take on it. */
export const RpApplicationPage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const officer = useCurrentOfficer()
  const app = useRpApplication(id)
  const step = useRpStep(id)
  const [number, setNumber] = useState('')
  const [signedOn, setSignedOn] = useState('')
  const [reason, setReason] = useState('')
  const k = 'officer.relyingParties.detail'
  if (app.isPending) return <Loader aria-label={t('common.loading')} />
  if (app.error) return <Alert role="alert">{developerError(app.error, t, 'officer.relyingParties')}</Alert>
  const a = app.data
  const open = a.state === 'submitted' || a.state === 'agreement_recorded'
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={RP_QUEUE_PATH}>
        {t(`${k}.back`)}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{a.service.name}</Title>
        <Text>
          {a.organisation.name} · {t(`officer.relyingParties.states.${a.state}`)}
          {a.clientStatus ? ` · ${t(`officer.relyingParties.clientStatus.${a.clientStatus}`)}` : ''}
        </Text>
      </Stack>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t(`${k}.applicant`)}>{a.applicant}</Fact>
          <Fact label={t(`${k}.orgCode`)}>{a.organisation.code}</Fact>
          <Fact label={t(`${k}.contact`)}>
            {a.contact.name}, {a.contact.email}, {a.contact.phone}
          </Fact>
          <Fact label={t(`${k}.purpose`)}>{a.service.purpose}</Fact>
          <Fact label={t(`${k}.scopes`)}>{a.scopes.join(', ')}</Fact>
          <Fact label={t(`${k}.minLevel`)}>{a.minLevel}</Fact>
          <Fact label={t(`${k}.securityLevel`)}>{a.securityLevel ?? '—'}</Fact>
          <Fact label={t(`${k}.authMethod`)}>
            {a.authMethod} ({a.profile})
          </Fact>
          <Fact label={t(`${k}.allowDependents`)}>
            {a.clientAllowDependents === null ? (
              t(a.allowDependents ? `${k}.dependentsAllowed` : `${k}.dependentsNotAllowed`)
            ) : (
              <>
                {t(`${k}.clientDependents`)}:{' '}
                {t(a.clientAllowDependents ? `${k}.dependentsAllowed` : `${k}.dependentsNotAllowed`)}
                <Text size="sm" c="dimmed">
                  {t(`${k}.applicationAsked`, {
                    value: t(a.allowDependents ? `${k}.dependentsAllowed` : `${k}.dependentsNotAllowed`),
                  })}
                </Text>
              </>
            )}
          </Fact>
          <Fact label={t(`${k}.redirectUris`)}>{a.redirectUris.join(' ')}</Fact>
          <Fact label={t('officer.relyingParties.queue.dueOn')}>{day(a.dueOn)}</Fact>
          <Fact label={t(`${k}.agreement`)}>
            {a.agreement
              ? t(`${k}.agreementText`, { number: a.agreement.number, date: day(a.agreement.signedOn) })
              : t(`${k}.noAgreement`)}
            {a.agreement?.recordedBy && (
              <Text size="sm">{t(`${k}.recordedBy`, { officer: a.agreement.recordedBy })}</Text>
            )}
          </Fact>
          {a.decidedBy && <Fact label={t(`${k}.decidedBy`, { officer: '' })}>{a.decidedBy}</Fact>}
          {a.clientId && <Fact label={t(`${k}.client`)}>{a.clientId}</Fact>}
          {a.refusalReason && <Fact label={t(`${k}.reason`)}>{a.refusalReason}</Fact>}
        </SimpleGrid>
      </Paper>
      {step.error && (
        <Alert color="red" role="alert">
          {developerError(step.error, t, 'officer.relyingParties')}
        </Alert>
      )}
      {step.isSuccess && (
        <Alert color="green" role="status">
          {t(`${k}.done`)}
        </Alert>
      )}
      {a.state === 'submitted' && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t(`${k}.recordTitle`)}
          </Title>
          <Group align="end">
            <TextInput
              label={t(`${k}.agreementNumber`)}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
            />
            <TextInput
              label={t(`${k}.agreementDate`)}
              type="date"
              value={signedOn}
              onChange={(e) => setSignedOn(e.currentTarget.value)}
            />
            <Button onClick={() => step.mutate({ step: 'agreement', body: { number, signedOn } })}>
              {t(`${k}.record`)}
            </Button>
          </Group>
        </Stack>
      )}
      {a.state === 'agreement_recorded' && a.agreement?.recordedBy !== officer.officerNumber && (
        <div>
          <Button color="green" onClick={() => step.mutate({ step: 'approve' })} loading={step.isPending}>
            {t(`${k}.approve`)}
          </Button>
        </div>
      )}
      {(open || a.clientStatus) && (
        <Stack gap="sm">
          <Textarea
            label={t(`${k}.reason`)}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
          />
          <Group>
            {open && (
              <Button
                color="red"
                variant="outline"
                onClick={() => step.mutate({ step: 'refuse', body: { reason } })}
              >
                {t(`${k}.refuse`)}
              </Button>
            )}
            {a.clientStatus === 'active' && (
              <Button
                color="red.9"
                variant="outline"
                onClick={() => step.mutate({ step: 'suspend', body: { reason } })}
              >
                {t(`${k}.suspend`)}
              </Button>
            )}
            {a.clientStatus === 'suspended' && (
              <Button variant="outline" onClick={() => step.mutate({ step: 'reinstate', body: { reason } })}>
                {t(`${k}.reinstate`)}
              </Button>
            )}
            {a.clientAllowDependents !== null && (
              <Button
                variant="outline"
                color={a.clientAllowDependents ? 'red.9' : undefined}
                aria-describedby="dependents-note"
                onClick={() =>
                  step.mutate({
                    step: 'allow-dependents',
                    body: { allowDependents: !a.clientAllowDependents, reason },
                  })
                }
              >
                {t(a.clientAllowDependents ? `${k}.stopDependents` : `${k}.startDependents`)}
              </Button>
            )}
          </Group>
          {a.clientAllowDependents !== null && (
            <Text size="sm" c="dimmed" id="dependents-note">
              {t(`${k}.dependentsNote`)}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  )
}
