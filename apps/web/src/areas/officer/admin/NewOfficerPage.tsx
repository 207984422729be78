import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { OfficerErrorAlert } from '../session/OfficerErrorAlert'
import { type Role, useCreateOfficer } from './adminApi'
import { ADMIN_OFFICERS_PATH, adminOfficerPath } from './adminPaths'
import { OneTimePassword } from './OneTimePassword'
import { RoleCheckboxes } from './RoleCheckboxes'
import { UnitSelect } from './UnitSelect'

const OFFICER_NUMBER = /^CB-\d{4,8}$/

type Errors = { number?: string; name?: string; unit?: string; roles?: string }

/** /officer/admin/officers/new: a new officer account; its one-time password is shown once. */
export const NewOfficerPage = () => {
  const { t } = useTranslation()
  const create = useCreateOfficer()
  const [number, setNumber] = useState('')
  const [fullName, setFullName] = useState('')
  const [unitCode, setUnitCode] = useState<string | null>(null)
  const [roles, setRoles] = useState<Role[]>([])
  const [errors, setErrors] = useState<Errors>({})
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const officerNumber = number.trim().toUpperCase()
    const found: Errors = {
      ...(OFFICER_NUMBER.test(officerNumber) ? {} : { number: t('officer.admin.create.numberInvalid') }),
      ...(fullName.trim() ? {} : { name: t('officer.admin.create.fullNameRequired') }),
      ...(unitCode ? {} : { unit: t('officer.admin.create.unitRequired') }),
      ...(roles.length ? {} : { roles: t('officer.admin.create.rolesRequired') }),
    }
    setErrors(found)
    if (Object.keys(found).length || !unitCode) return
    create.mutate({ officerNumber, fullName: fullName.trim(), unitCode, roles })
  }
  const again = () => {
    create.reset()
    setNumber('')
    setFullName('')
    setRoles([])
  }
  const created = create.data
  return (
    <Stack gap="lg" maw={640}>
      <Anchor component={Link} to={ADMIN_OFFICERS_PATH} size="sm">
        ← {t('officer.admin.create.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('officer.admin.create.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('officer.admin.create.intro')}
        </Text>
      </Stack>
      {created ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md">
            <Title order={2} size="h3">
              {t('officer.admin.create.created', { number: created.officer.officerNumber })}
            </Title>
            <Text>
              {created.officer.fullName} — {created.officer.unit.name}
            </Text>
            <OneTimePassword
              officerNumber={created.officer.officerNumber}
              password={created.initialPassword}
            />
            <Group gap="sm">
              <Button component={Link} to={adminOfficerPath(created.officer.id)}>
                {t('officer.admin.create.view')}
              </Button>
              <Button variant="default" onClick={again}>
                {t('officer.admin.create.another')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} noValidate aria-label={t('officer.admin.create.title')}>
            <Stack gap="md">
              {create.error && <OfficerErrorAlert error={create.error} />}
              <TextInput
                label={t('officer.admin.create.number')}
                description={t('officer.admin.create.numberDescription')}
                value={number}
                onChange={(e) => {
                  setNumber(e.currentTarget.value)
                  setErrors((x) => ({ ...x, number: undefined }))
                }}
                error={errors.number}
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={11}
                autoComplete="off"
                required
              />
              <TextInput
                label={t('officer.admin.create.fullName')}
                value={fullName}
                onChange={(e) => {
                  setFullName(e.currentTarget.value)
                  setErrors((x) => ({ ...x, name: undefined }))
                }}
                error={errors.name}
                maxLength={200}
                autoComplete="off"
                required
              />
              <UnitSelect
                label={t('officer.admin.create.unit')}
                value={unitCode}
                onChange={(code) => {
                  setUnitCode(code)
                  setErrors((x) => ({ ...x, unit: undefined }))
                }}
                error={errors.unit}
              />
              <RoleCheckboxes
                value={roles}
                onChange={(r) => {
                  setRoles(r)
                  setErrors((x) => ({ ...x, roles: undefined }))
                }}
                error={errors.roles}
              />
              <Button type="submit" loading={create.isPending}>
                {t('officer.admin.create.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  )
}
