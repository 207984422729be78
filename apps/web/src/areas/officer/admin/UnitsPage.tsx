import { Box, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
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
        // A scrolling region must take keyboard focus to be scrolled without a mouse (WCAG 2.1.1).
        <Box
          style={{ overflowX: 'auto' }}
          tabIndex={0}
          role="region"
          aria-label={t('officer.admin.units.caption')}
        >
          <Table miw={720} striped withTableBorder captionSide="top">
            <Table.Caption style={{ textAlign: 'left' }}>{t('officer.admin.units.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('officer.admin.units.columns.code')}</Table.Th>
                <Table.Th scope="col">{t('officer.admin.units.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('officer.admin.units.columns.level')}</Table.Th>
                <Table.Th scope="col">{t('officer.admin.units.columns.parent')}</Table.Th>
                <Table.Th scope="col">{t('officer.admin.units.columns.province')}</Table.Th>
                <Table.Th scope="col">{t('officer.admin.units.columns.officers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {units.data && <UnitForm units={items} />}
    </Stack>
  )
}
