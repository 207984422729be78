import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PROVINCES } from '../provinces'
import { OfficerErrorAlert } from '../session/OfficerErrorAlert'
import { UNIT_LEVELS, type UnitLevel, type UnitWithCount, useCreateUnit } from './adminApi'

const UNIT_CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/
const PROVINCE_OPTIONS = PROVINCES.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))

type Props = { units: readonly UnitWithCount[] }

/** A new police unit: where it sits (parent, province) follows the hierarchy rules the server checks. */
export const UnitForm = ({ units }: Props) => {
  const { t } = useTranslation()
  const create = useCreateUnit()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [level, setLevel] = useState<UnitLevel>('commune')
  const [parentCode, setParentCode] = useState<string | null>(null)
  const [provinceCode, setProvinceCode] = useState<string | null>(null)
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({})
  const central = level === 'central'
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const unitCode = code.trim().toUpperCase()
    const found = {
      ...(UNIT_CODE.test(unitCode) ? {} : { code: t('officer.admin.units.codeInvalid') }),
      ...(name.trim() ? {} : { name: t('officer.admin.units.nameRequired') }),
    }
    setErrors(found)
    if (Object.keys(found).length) return
    create.mutate(
      {
        code: unitCode,
        name: name.trim(),
        level,
        parentCode: central ? null : parentCode,
        provinceCode: central ? null : provinceCode,
      },
      {
        onSuccess: () => {
          setCode('')
          setName('')
        },
      },
    )
  }
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="unit-form-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="unit-form-title">
            {t('officer.admin.units.addTitle')}
          </Title>
          {create.error && <OfficerErrorAlert error={create.error} />}
          {create.isSuccess && (
            <Text role="status" c="teal.9" fw={600}>
              {t('officer.admin.units.added', { code: create.data.code })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('officer.admin.units.code')}
              description={t('officer.admin.units.codeDescription')}
              value={code}
              onChange={(e) => {
                setCode(e.currentTarget.value.toUpperCase())
                setErrors((x) => ({ ...x, code: undefined }))
              }}
              error={errors.code}
              maxLength={40}
              spellCheck={false}
              autoComplete="off"
              required
            />
            <TextInput
              label={t('officer.admin.units.name')}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value)
                setErrors((x) => ({ ...x, name: undefined }))
              }}
              error={errors.name}
              maxLength={200}
              autoComplete="off"
              required
            />
            <Select
              label={t('officer.admin.units.level')}
              data={UNIT_LEVELS.map((l) => ({ value: l, label: t(`officer.admin.levels.${l}`) }))}
              value={level}
              onChange={(v) => setLevel(UNIT_LEVELS.find((l) => l === v) ?? level)}
              allowDeselect={false}
              withAsterisk
            />
            <Select
              label={t('officer.admin.units.parent')}
              description={t('officer.admin.units.parentDescription')}
              data={[
                { value: '', label: t('officer.admin.units.noParent') },
                ...units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
              ]}
              value={central ? '' : (parentCode ?? '')}
              onChange={(v) => setParentCode(v || null)}
              disabled={central}
              searchable
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          {!central && (
            <Select
              label={t('officer.admin.units.province')}
              description={t('officer.admin.units.provinceDescription')}
              data={PROVINCE_OPTIONS}
              value={provinceCode}
              onChange={setProvinceCode}
              searchable
              clearable
              maxDropdownHeight={280}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Button type="submit" loading={create.isPending}>
            {t('officer.admin.units.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
