import { Button, Paper, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OfficerErrorAlert } from '../session/OfficerErrorAlert'
import { type OfficerDetail, type Role, useChangeAssignment } from './adminApi'
import { RoleCheckboxes } from './RoleCheckboxes'
import { UnitSelect } from './UnitSelect'

type Props = { officer: OfficerDetail; self: boolean }

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((r) => b.includes(r))

/** An officer's roles and unit; an administrator's own are changed by another administrator only. */
export const AssignmentForm = ({ officer, self }: Props) => {
  const { t } = useTranslation()
  const change = useChangeAssignment(officer.id)
  const [roles, setRoles] = useState<Role[]>(officer.roles)
  const [unitCode, setUnitCode] = useState<string | null>(officer.unit.code)
  const [rolesError, setRolesError] = useState<string>()
  const [unchanged, setUnchanged] = useState(false)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!roles.length) return setRolesError(t('officer.admin.create.rolesRequired'))
    const same = sameRoles(roles, officer.roles) && unitCode === officer.unit.code
    setUnchanged(same)
    if (!same && unitCode) change.mutate({ roles, unitCode })
  }
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="assignment-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="assignment-title">
            {t('officer.admin.detail.assignment')}
          </Title>
          {change.error && <OfficerErrorAlert error={change.error} />}
          {change.isSuccess && !unchanged && (
            <Text role="status" c="teal.9" fw={600}>
              {t('officer.admin.detail.saved')}
            </Text>
          )}
          {unchanged && (
            <Text role="status" size="sm">
              {t('officer.admin.detail.noChange')}
            </Text>
          )}
          <UnitSelect
            label={t('officer.admin.detail.unit')}
            value={unitCode}
            onChange={(code) => {
              setUnitCode(code)
              setUnchanged(false)
            }}
            disabled={self}
          />
          <RoleCheckboxes
            value={roles}
            onChange={(r) => {
              setRoles(r)
              setRolesError(undefined)
              setUnchanged(false)
            }}
            error={rolesError}
            disabled={self}
          />
          <Button type="submit" loading={change.isPending} disabled={self}>
            {t('officer.admin.detail.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
