import { Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CaptionedTable } from '../../../layout/CaptionedTable'
import { PROVINCES } from '../provinces'
import { OfficerErrorAlert } from '../session/OfficerErrorAlert'
import { useUnits } from './adminApi'
import { UnitForm } from './UnitForm'

const provinceName = (code: string | null) =>
  code ? (PROVINCES.find((p) => p.code === code)?.name ?? code) : ''

/** /officer/admin/units: the police units of the administrator's jurisdiction, and a new one. */
export const UnitsPage = () => {
  const { t } = useTranslation()
  const units = useUnits()
  const items = units.data?.items ?? []
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('officer.admin.units.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('officer.admin.units.intro')}
        </Text>
      </Stack>
      {units.isPending && <Loader aria-label={t('common.loading')} />}
      {units.error && <OfficerErrorAlert error={units.error} />}
      {units.data && items.length === 0 && <Text>{t('officer.admin.units.empty')}</Text>}
      {items.length > 0 && (
        <CaptionedTable
          caption={t('officer.admin.units.caption')}
          columns={[
            t('officer.admin.units.columns.code'),
            t('officer.admin.units.columns.name'),
            t('officer.admin.units.columns.level'),
            t('officer.admin.units.columns.parent'),
            t('officer.admin.units.columns.province'),
            t('officer.admin.units.columns.officers'),
          ]}
          minWidth={720}
        >
          {items.map((u) => (
            <Table.Tr key={u.code}>
              <Table.Td ff="monospace">{u.code}</Table.Td>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td>{t(`officer.admin.levels.${u.level}`)}</Table.Td>
              <Table.Td ff="monospace">{u.parentCode ?? ''}</Table.Td>
              <Table.Td>{provinceName(u.provinceCode)}</Table.Td>
              <Table.Td>{u.officers}</Table.Td>
            </Table.Tr>
          ))}
        </CaptionedTable>
      )}
      {units.data && <UnitForm units={items} />}
    </Stack>
  )
}
