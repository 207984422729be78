import { Alert, Button, Group, Image, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CameraToggle, qrScanMessages } from '../../camera/CameraToggle'
import { BackToAccount } from '../citizen/me/BackToAccount'
import { useAccount } from '../citizen/me/RequireSession'
import { formatVnDateTime } from '../citizen/vnTime'
import { type AppCheckHolder, type AppCheckResult, isOnlineShareQr, useRedeemAppCheck } from './appCheckApi'
import { vnDate } from './dates'
import { ShareErrorAlert } from './SharePage'

/** "Kiểm tra ứng dụng VNeID của công dân" (Dispatch 1101): an officer's own level-2 account redeems a 1-minute code. */
export const CheckAppPage = () => {
  const { t } = useTranslation()
  const me = useAccount()
  const redeem = useRedeemAppCheck()
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('share.checkApp.title')}</Title>
        <Text c="dimmed">{t('share.checkApp.intro')}</Text>
      </Stack>
      {me.level < 2 ? (
        <Alert color="yellow" variant="light">
          {t('share.checkApp.notLevel2')}
        </Alert>
      ) : redeem.data ? (
        <Stack gap="md">
          <AppCheckView result={redeem.data} />
          <Button variant="outline" size="md" onClick={() => redeem.reset()}>
            {t('share.checkApp.again')}
          </Button>
        </Stack>
      ) : (
        <>
          <CodeEntry onCode={(qr) => redeem.mutate(qr)} pending={redeem.isPending} />
          {redeem.error && <ShareErrorAlert error={redeem.error} title={t('share.checkApp.notGenuine')} />}
        </>
      )}
    </Stack>
  )
}

const CodeEntry = ({ onCode, pending }: { onCode: (qr: string) => void; pending: boolean }) => {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  const [wrongKind, setWrongKind] = useState(false)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const ok = isOnlineShareQr(typed)
    setWrongKind(!ok)
    if (ok) onCode(typed)
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <CameraToggle
          accept={(text) => {
            if (!isOnlineShareQr(text)) return false
            onCode(text)
            return true
          }}
          label={t('share.checkApp.useCamera')}
          hint={t('share.checkApp.cameraHint')}
          messages={qrScanMessages(t, 'share.checkApp.scan')}
        />
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('share.checkApp.paste')}
              description={t('share.checkApp.pasteHint')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={wrongKind ? t('share.checkApp.wrongKind') : undefined}
              autoComplete="off"
              spellCheck={false}
              size="md"
              required
            />
            <Button type="submit" size="md" loading={pending}>
              {t('share.checkApp.check')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  )
}

const Row = ({ label, value }: { label: string; value: string }) => (
  <Table.Tr>
    <Table.Th scope="row" w="40%">
      {label}
    </Table.Th>
    <Table.Td>{value}</Table.Td>
  </Table.Tr>
)

/** The portrait on record, large enough to compare with the face in front of the officer (Dispatch 1101). */
const Portrait = ({ src, name }: { src: string | null; name: string }) => {
  const { t } = useTranslation()
  if (!src)
    return (
      <Text size="sm" c="dimmed" maw={180}>
        {t('share.checkApp.noPortrait')}
      </Text>
    )
  return (
    <Stack gap={4} maw={180}>
      <Image
        src={src}
        alt={t('share.checkApp.portraitAlt', { name })}
        w={150}
        h={200}
        radius="sm"
        fit="cover"
        data-testid="app-check-portrait"
      />
      <Text size="xs" c="dimmed">
        {t('share.checkApp.portraitHint')}
      </Text>
    </Stack>
  )
}

/** A nationality code named in the page's language by the browser, with the code: "Hàn Quốc (KR)". */
const nationalityName = (code: string, language: string) =>
  `${new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code} (${code})`

// A foreign resident is named by foreigner ID number and nationality, never as if it were a CCCD number.
const HolderRows = ({ h }: { h: AppCheckHolder }) => {
  const { t, i18n } = useTranslation()
  return (
    <>
      <Row label={t('share.checkApp.name')} value={h.fullName} />
      <Row
        label={t('share.checkApp.subjectKind')}
        value={t(h.subjectKind === 'foreigner' ? 'share.checkApp.foreigner' : 'share.checkApp.citizen')}
      />
      {h.subjectKind === 'foreigner' ? (
        <>
          <Row label={t('share.checkApp.foreignerId')} value={h.foreignerId} />
          <Row
            label={t('share.checkApp.nationality')}
            value={nationalityName(h.nationality, i18n.language)}
          />
        </>
      ) : (
        <Row label={t('share.checkApp.personalId')} value={h.personalId} />
      )}
      <Row label={t('share.checkApp.birthDate')} value={vnDate(h.dateOfBirth)} />
      <Row
        label={t('share.checkApp.level')}
        value={t('share.checkApp.levelValue', { level: h.accountLevel })}
      />
    </>
  )
}

const AppCheckView = ({ result }: { result: AppCheckResult }) => {
  const { t } = useTranslation()
  const h = result.holder
  return (
    <Stack gap="md">
      <Alert color="#1b5e20" variant="filled" role="status" title={t('share.checkApp.genuine')}>
        {t('share.checkApp.genuineDetail')} {formatVnDateTime(result.checkedAt)}.
      </Alert>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="app-check-holder">
        <Stack gap="sm">
          <Title order={2} size="h3" id="app-check-holder">
            {t('share.checkApp.holder')}
          </Title>
          <Group gap="md" align="flex-start" wrap="wrap">
            <Portrait src={result.portrait} name={h.fullName} />
            <Table withRowBorders style={{ flex: '1 1 280px' }}>
              <Table.Tbody>
                <HolderRows h={h} />
              </Table.Tbody>
            </Table>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="app-check-documents">
        <Stack gap="sm">
          <Title order={2} size="h3" id="app-check-documents">
            {t('share.checkApp.documents')}
          </Title>
          {result.documents.length === 0 ? (
            <Text c="dimmed">{t('share.checkApp.noDocuments')}</Text>
          ) : (
            <Table aria-labelledby="app-check-documents">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('share.checkApp.kind')}</Table.Th>
                  <Table.Th>{t('share.checkApp.number')}</Table.Th>
                  <Table.Th>{t('share.checkApp.status')}</Table.Th>
                  <Table.Th>{t('share.checkApp.validity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.documents.map((d) => (
                  <Table.Tr key={`${d.kind}:${d.number}`}>
                    <Table.Td>{t(`documents.kinds.${d.kind}`, { defaultValue: d.kind })}</Table.Td>
                    <Table.Td>{d.number}</Table.Td>
                    <Table.Td>
                      <Text fw={700} size="sm" c={d.status === 'active' ? '#1b5e20' : '#a51d1d'}>
                        {t(`documents.statuses.${d.status}`, { defaultValue: d.status })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {d.validTo
                        ? t('share.checkApp.validUntil', { date: vnDate(d.validTo) })
                        : t('share.checkApp.noExpiry')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
    </Stack>
  )
}
