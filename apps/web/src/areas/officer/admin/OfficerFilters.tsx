import { Button, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type OfficerQuery, ROLES, type UnitWithCount } from './adminApi'

type Props = { value: OfficerQuery; units: readonly UnitWithCount[]; onChange: (q: OfficerQuery) => void }

/** Filters of the officer list: number or name, unit, role, status. */
export const OfficerFilters = ({ value, units, onChange }: Props) => {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(value)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onChange({ ...draft, q: draft.q.trim(), page: 1 })
  }
  const clear = () => {
    const empty: OfficerQuery = { q: '', unitCode: '', role: '', status: '', page: 1 }
    setDraft(empty)
    onChange(empty)
  }
  return (
    <form onSubmit={submit} aria-labelledby="officer-filters-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="officer-filters-title">
          {t('officer.admin.officers.filters')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('officer.admin.officers.q')}
            placeholder={t('officer.admin.officers.qPlaceholder')}
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            maxLength={100}
          />
          <Select
            label={t('officer.admin.officers.unit')}
            data={[
              { value: '', label: t('officer.admin.officers.anyUnit') },
              ...units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
            ]}
            value={draft.unitCode}
            onChange={(v) => setDraft({ ...draft, unitCode: v ?? '' })}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('officer.admin.officers.role')}
            data={[
              { value: '', label: t('officer.admin.officers.anyRole') },
              ...ROLES.map((r) => ({ value: r, label: t(`officer.admin.roles.${r}`) })),
            ]}
            value={draft.role}
            onChange={(v) => setDraft({ ...draft, role: ROLES.find((r) => r === v) ?? '' })}
            allowDeselect={false}
          />
          <Select
            label={t('officer.admin.officers.status')}
            data={[
              { value: '', label: t('officer.admin.officers.anyStatus') },
              { value: 'active', label: t('officer.admin.status.active') },
              { value: 'suspended', label: t('officer.admin.status.suspended') },
            ]}
            value={draft.status}
            onChange={(v) => setDraft({ ...draft, status: v === 'active' || v === 'suspended' ? v : '' })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">{t('officer.admin.officers.search')}</Button>
          <Button variant="default" onClick={clear}>
            {t('officer.admin.officers.clear')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
