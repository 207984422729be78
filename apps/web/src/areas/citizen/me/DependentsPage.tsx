import { Alert, Badge, Button, List, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiError } from '../../../api'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { AccountErrorAlert } from '../accountErrors'
import { formatIsoDate, isPersonalId, normalizePersonalId, parseBirthDate } from '../citizenFields'
import { dependentPath } from '../paths'
import { BackToAccount } from './BackToAccount'
import { type Dependent, type DependentRegistered, useDependents, useRegisterDependent } from './meApi'

const REFUSALS = [
  'representative_has_no_account',
  'representative_not_level_2',
  'representative_is_minor',
  'representative_phone_not_own',
  'dependent_has_no_card',
] as const
type Refusal = (typeof REFUSALS)[number]

const refusalsOf = (error: ApiError): Refusal[] => {
  const reasons = error.details?.reasons
  return Array.isArray(reasons)
    ? reasons.filter((r): r is Refusal => (REFUSALS as readonly string[]).includes(r as string))
    : []
}

const relationKey = (relation: string) => (relation === 'guardian' ? 'ward' : 'child')
const regimeKey = (regime: string) =>
  regime === 'decree-59-2022' ? 'decree59' : regime === 'decree-69-2024' ? 'decree69' : 'other'
const statusKey = (status: string | null) =>
  status === null
    ? 'none'
    : ((['active', 'approved', 'locked', 'closed'] as const).find((s) => s === status) ?? 'other')

const DependentItem = ({ dependent }: { dependent: Dependent }) => {
  const { t } = useTranslation()
  return (
    <Paper withBorder radius="md" p="md" component="li" data-personal-id={dependent.personalId}>
      <Stack gap={4}>
        <Text fw={700}>{dependent.fullName ?? dependent.personalId}</Text>
        <Text size="sm">
          {t('citizen.dependents.personalId')}: <strong>{dependent.personalId}</strong>
        </Text>
        <Text size="sm">
          {t('citizen.dependents.relation')}:{' '}
          <strong>{t(`citizen.dependents.relations.${relationKey(dependent.relation)}`)}</strong>
        </Text>
        <Text size="sm">
          {t('citizen.dependents.regime')}: {t(`citizen.dependents.regimes.${regimeKey(dependent.regime)}`)}
        </Text>
        <Badge variant="light" w="fit-content" color="blue" c="#0b3d91">
          {t(`citizen.dependents.accountStatus.${statusKey(dependent.accountStatus)}`)}
        </Badge>
        {dependent.acting ? (
          <>
            {dependent.takeoverOn && (
              <Text size="sm" c="dimmed">
                {t('citizen.dependents.takeoverOn', { date: formatIsoDate(dependent.takeoverOn) })}
              </Text>
            )}
            <Button
              component={Link}
              to={dependentPath(dependent.personalId)}
              variant="light"
              size="md"
              mt={4}
              aria-label={t('citizen.dependents.openNamed', {
                name: dependent.fullName ?? dependent.personalId,
              })}
            >
              {t('citizen.dependents.open')}
            </Button>
          </>
        ) : (
          <Text size="sm">
            {t('citizen.dependents.selfActing', { date: formatIsoDate(dependent.takeoverOn ?? '') })}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

const Registered = ({ result }: { result: DependentRegistered }) => {
  const { t } = useTranslation()
  return (
    <Alert color="green" variant="light" role="status" title={t('citizen.dependents.doneTitle')}>
      <Text size="sm">
        {result.kind === 'own_account'
          ? t('citizen.dependents.doneOwnAccount', {
              name: result.fullName,
              level: result.account?.level ?? 1,
              age: result.takeoverAge ?? 14,
            })
          : t('citizen.dependents.doneUnderMine', { name: result.fullName })}
      </Text>
    </Alert>
  )
}

const RegisterForm = () => {
  const { t } = useTranslation()
  const register = useRegisterDependent()
  const [personalId, setPersonalId] = useState('')
  const [fullName, setFullName] = useState('')
  const [dob, setDob] = useState('')
  const [errors, setErrors] = useState<{ personalId?: string; fullName?: string; dob?: string }>({})

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const id = normalizePersonalId(personalId)
    const dateOfBirth = parseBirthDate(dob)
    const next = {
      ...(isPersonalId(id) ? {} : { personalId: t('citizen.errors.idInvalid') }),
      ...(fullName.trim() ? {} : { fullName: t('citizen.dependents.nameRequired') }),
      ...(dateOfBirth ? {} : { dob: t('citizen.errors.dateInvalid') }),
    }
    setErrors(next)
    if (Object.keys(next).length > 0 || !dateOfBirth) return
    register.mutate(
      { personalId: id, fullName: fullName.trim(), dateOfBirth },
      {
        onSuccess: () => {
          setPersonalId('')
          setFullName('')
          setDob('')
        },
      },
    )
  }
  const refusals = register.error ? refusalsOf(register.error) : []

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="register-dependent-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="register-dependent-title">
            {t('citizen.dependents.registerTitle')}
          </Title>
          <Text size="sm">{t('citizen.dependents.registerIntro')}</Text>
          <TextInput
            label={t('citizen.dependents.personalId')}
            description={t('citizen.dependents.personalIdDescription')}
            value={personalId}
            onChange={(e) => setPersonalId(e.currentTarget.value)}
            error={errors.personalId}
            inputMode="numeric"
            autoComplete="off"
            size="md"
            required
          />
          <TextInput
            label={t('citizen.dependents.fullName')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={errors.fullName}
            autoComplete="off"
            size="md"
            required
          />
          <TextInput
            label={t('citizen.dependents.dateOfBirth')}
            description={t('citizen.dependents.dateOfBirthDescription')}
            placeholder="dd/mm/yyyy"
            value={dob}
            onChange={(e) => setDob(e.currentTarget.value)}
            error={errors.dob}
            inputMode="numeric"
            autoComplete="off"
            size="md"
            required
          />
          {register.error && (
            <AccountErrorAlert error={register.error}>
              {refusals.length > 0 && (
                <List size="sm" spacing={4}>
                  {refusals.map((r) => (
                    <List.Item key={r}>{t(`citizen.dependents.refusals.${r}`)}</List.Item>
                  ))}
                </List>
              )}
            </AccountErrorAlert>
          )}
          {register.isSuccess && <Registered result={register.data} />}
          <Button type="submit" size="md" fullWidth loading={register.isPending}>
            {t('citizen.dependents.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}

/** The holder's children and wards, and registering one (Decree 69: an account of their own; Decree 59: under mine). */
export const DependentsPage = () => {
  const { t } = useTranslation()
  const dependents = useDependents()
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('citizen.dependents.title')}</Title>
        <Text c="dimmed">{t('citizen.dependents.intro')}</Text>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="dependents-list-title">
        <Title order={2} size="h3" id="dependents-list-title">
          {t('citizen.dependents.listTitle')}
        </Title>
        {dependents.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {dependents.error && (
          <ErrorAlert error={dependents.error} onRetry={() => void dependents.refetch()} />
        )}
        {dependents.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('citizen.dependents.empty')}
          </Text>
        )}
        {dependents.data && dependents.data.length > 0 && (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {dependents.data.map((d) => (
              <DependentItem key={d.personalId} dependent={d} />
            ))}
          </Stack>
        )}
      </Stack>
      <RegisterForm />
    </Stack>
  )
}
