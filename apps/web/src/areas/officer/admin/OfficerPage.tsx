import { Alert, Anchor, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { OfficerErrorAlert } from '../session/OfficerErrorAlert'
import { useCurrentOfficer } from '../session/RequireOfficer'
import { AssignmentForm } from './AssignmentForm'
import { useOfficer } from './adminApi'
import { ADMIN_OFFICERS_PATH } from './adminPaths'
import { OfficerActions } from './OfficerActions'
import { RoleBadges, StatusBadges } from './OfficerBadges'

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={2}>
    <Text size="sm" c="dimmed" component="dt">
      {label}
    </Text>
    <Text component="dd" m={0}>
      {children}
    </Text>
  </Stack>
)

/** /officer/admin/officers/:id: one officer's account, their roles and unit, and what may be done to it. */
export const OfficerPage = () => {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const me = useCurrentOfficer()
  const officer = useOfficer(id)
  const o = officer.data
  const self = o?.id === me.id
  return (
    <Stack gap="lg" maw={760}>
      <Anchor component={Link} to={ADMIN_OFFICERS_PATH} size="sm">
        ← {t('officer.admin.detail.back')}
      </Anchor>
      {officer.isPending && <Loader aria-label={t('common.loading')} />}
      {officer.error && <OfficerErrorAlert error={officer.error} />}
      {o && (
        <>
          <Stack gap={4}>
            <Title order={1}>
              {o.fullName}{' '}
              <Text span ff="monospace" fw={600} inherit>
                ({o.officerNumber})
              </Text>
            </Title>
            <StatusBadges officer={o} />
          </Stack>
          {self && (
            <Alert color="blue" variant="light">
              {t('officer.admin.detail.self')}
            </Alert>
          )}
          <Paper withBorder p="lg" radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
              <Fact label={t('officer.admin.detail.unit')}>
                {o.unit.name} ({o.unit.code})
              </Fact>
              <Fact label={t('officer.admin.detail.roles')}>
                <RoleBadges roles={o.roles} />
              </Fact>
              <Fact label={t('officer.admin.detail.authenticator')}>
                {o.enrolled ? t('officer.admin.detail.enrolled') : t('officer.admin.detail.notEnrolled')}
              </Fact>
              <Fact label={t('officer.admin.detail.password')}>
                {o.passwordChangeRequired
                  ? t('officer.admin.detail.passwordOneTime')
                  : t('officer.admin.detail.passwordOwn')}
              </Fact>
              <Fact label={t('officer.admin.detail.sessions')}>{o.liveSessions}</Fact>
              <Fact label={t('officer.admin.detail.createdAt')}>
                {new Date(o.createdAt).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'vi-VN')}
              </Fact>
            </SimpleGrid>
          </Paper>
          <AssignmentForm officer={o} self={self} />
          <OfficerActions officer={o} self={self} />
        </>
      )}
    </Stack>
  )
}
