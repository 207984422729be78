import { Divider, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApplyForm } from './ApplyForm'
import { CredentialsPanel } from './CredentialsPanel'
import { type Credentials, useConsoleConfig } from './developersApi'
import { MyApplications } from './MyApplications'
import { SandboxForm } from './SandboxForm'
import { TryLoginCard } from './try/TryLoginCard'

/** /developers: the console where a citizen applies for an organisation, collects credentials, and tests. */
export const DevelopersPage = () => {
  const { t } = useTranslation()
  const config = useConsoleConfig()
  // Held in memory only: leaving the page forgets the secret, as the server already has.
  const [shown, setShown] = useState<Credentials | null>(null)
  return (
    <Stack gap="xl" maw={1000} mx="auto">
      <Stack gap={4}>
        <Title order={1}>{t('developers.title')}</Title>
        <Text>{t('developers.intro')}</Text>
        <Text size="sm">{t('developers.applicantNote')}</Text>
      </Stack>
      {shown && <CredentialsPanel credentials={shown} onDone={() => setShown(null)} />}
      <MyApplications onCredentials={setShown} />
      {config.data?.sandbox && (
        <>
          <Divider />
          <SandboxForm limit={config.data.sandboxLimit} onCredentials={setShown} />
          <Divider />
          <TryLoginCard />
        </>
      )}
      <Divider />
      <ApplyForm scopes={config.data?.scopes ?? ['openid', 'profile']} />
    </Stack>
  )
}
