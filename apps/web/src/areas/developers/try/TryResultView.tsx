import { Badge, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { TryResult } from './tryLoginFlow'

const LEVEL = /^urn:dinhdanh:loa:(\d)$/
const AMR = ['pwd', 'otp', 'mfa', 'hwk', 'mca', 'pin', 'user'] as const
const isAmr = (m: unknown): m is (typeof AMR)[number] => (AMR as readonly unknown[]).includes(m)

const pretty = (value: unknown) => JSON.stringify(value, null, 2)
/** A time as the page's language writes it, in Vietnam time (the platform's legal time). */
const vnTime = (d: Date, language: string) =>
  d.toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
const timeOf = (seconds: unknown, language: string) =>
  typeof seconds === 'number' ? vnTime(new Date(seconds * 1000), language) : ''

/** What the claims that carry no personal data mean: the level, the methods, the time. */
const meaning = (name: string, value: unknown, t: TFunction, language: string) => {
  const k = 'tryLogin.result'
  if (name === 'acr' && typeof value === 'string') {
    const level = LEVEL.exec(value)?.[1]
    return `${t(`${k}.acr`)}${level ? `: ${t(`${k}.level`, { level })}` : ''}`
  }
  if (name === 'amr' && Array.isArray(value))
    return `${t(`${k}.amr`)}: ${value.map((m) => (isAmr(m) ? t(`${k}.amrNames.${m}`) : String(m))).join(', ')}`
  if (name === 'auth_time') return `${t(`${k}.authTime`)}: ${timeOf(value, language)}`
  if (name === 'iat' || name === 'exp') return timeOf(value, language)
  return ''
}

// Dark text rather than coloured badges: the colour is not the only sign, and the contrast holds.
const Ok = ({ ok, children }: { ok: boolean; children?: React.ReactNode }) => {
  const { t } = useTranslation()
  return (
    <Text span fw={700} c={ok ? undefined : 'red.9'}>
      {ok ? '✓' : '✗'} {children ?? (ok ? t('tryLogin.result.passed') : t('tryLogin.result.notPassed'))}
    </Text>
  )
}

const Section = ({ id, title, children }: { id: string; title: string; children: React.ReactNode }) => (
  <Paper withBorder p="md" component="section" aria-labelledby={id}>
    <Stack gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  </Paper>
)

/** The login's outcome as a relying party receives it: ID token, userinfo, access token. */
export const TryResultView = ({ result }: { result: TryResult }) => {
  const { t, i18n } = useTranslation()
  const k = 'tryLogin.result'
  const { claims, header, signatureValid } = result.idToken
  const name = typeof result.userinfo.name === 'string' ? result.userinfo.name : String(claims.sub)
  const level = typeof claims.acr === 'string' ? LEVEL.exec(claims.acr)?.[1] : undefined
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text fw={700} size="lg" role="status">
          {t(`${k}.success`, { name })}
        </Text>
        {level && <Badge size="lg">{t(`${k}.level`, { level })}</Badge>}
      </Group>
      <Section id="try-id-token" title={t(`${k}.idToken`)}>
        <Ok ok={signatureValid}>{signatureValid ? t(`${k}.signatureValid`) : t(`${k}.signatureInvalid`)}</Ok>
        <Text fw={600}>{t(`${k}.header`)}</Text>
        <Code block tabIndex={0} data-testid="try-id-token-header">
          {pretty(header)}
        </Code>
        <Text fw={600}>{t(`${k}.claims`)}</Text>
        <Table striped withTableBorder data-testid="try-claims">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${k}.claim`)}</Table.Th>
              <Table.Th>{t(`${k}.value`)}</Table.Th>
              <Table.Th>{t(`${k}.meaning`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(claims).map(([claim, value]) => (
              <Table.Tr key={claim}>
                <Table.Td ff="monospace">{claim}</Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {typeof value === 'string' ? value : JSON.stringify(value)}
                </Table.Td>
                <Table.Td>{meaning(claim, value, t, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text fw={600}>{t(`${k}.checks`)}</Text>
        <List spacing={2}>
          {(['iss', 'aud', 'nonce', 'notExpired'] as const).map((c) => (
            <List.Item key={c}>
              {t(`${k}.check.${c}`)}: <Ok ok={result.checks[c]} />
            </List.Item>
          ))}
        </List>
      </Section>
      <Section id="try-userinfo" title={t(`${k}.userinfo`)}>
        <Code block tabIndex={0} data-testid="try-userinfo">
          {pretty(result.userinfo)}
        </Code>
      </Section>
      <Section id="try-access-token" title={t(`${k}.accessToken`)}>
        <Table withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t(`${k}.tokenType`)}</Table.Th>
              <Table.Td>{result.accessToken.tokenType}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t(`${k}.scope`)}</Table.Th>
              <Table.Td ff="monospace">{result.accessToken.scope}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t(`${k}.expiresIn`)}</Table.Th>
              <Table.Td>{t(`${k}.seconds`, { count: result.accessToken.expiresIn })}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t(`${k}.expiresAt`)}</Table.Th>
              <Table.Td data-testid="try-expires-at">
                {vnTime(result.accessToken.expiresAt, i18n.language)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Section>
    </Stack>
  )
}
