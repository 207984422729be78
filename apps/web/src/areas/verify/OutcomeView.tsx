import { VN_ID_MESSAGES_EN, VN_ID_MESSAGES_VI, type VnIdErrorCode } from '@dinhdanh/vn-id'
import { VN_SHARE_MESSAGES_EN, VN_SHARE_MESSAGES_VI, type VnShareErrorCode } from '@dinhdanh/vn-share'
import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../i18n'
import { formatVnDateTime } from '../citizen/vnTime'
import { type ClaimRow, claimRows, vnDate } from './claimRows'
import { type ReplayCheck, replayNote } from './replayStore'
import { VerifierError } from './verifierClient'
import type { Outcome } from './verifyCode'

/** The big answer first: green "valid" or red "not valid", what kind of code it was, then the details. */
const Verdict = ({
  ok,
  title,
  detail,
  small = false,
}: {
  ok: boolean
  title: string
  detail: string
  small?: boolean
}) => (
  <Paper
    radius="md"
    p="lg"
    // Dark enough for white text of any size (WCAG AA 4.5:1), as the documents' badges.
    bg={ok ? '#1b5e20' : '#a51d1d'}
    c="white"
    role={ok ? 'status' : 'alert'}
    data-verdict={ok ? 'valid' : 'invalid'}
  >
    <Stack gap={4}>
      <Text fz={small ? 22 : 32} fw={800} lh={1.15}>
        {ok ? '✓ ' : '✗ '}
        {title}
      </Text>
      <Text fw={500}>{detail}</Text>
    </Stack>
  </Paper>
)

const ErrorDetail = ({ code, message }: { code: string; message: string }) => {
  const { t } = useTranslation()
  return (
    <Text fw={600}>
      {message}{' '}
      <Text span size="xs" ff="monospace">
        ({t('verify.errorCode')}: {code})
      </Text>
    </Text>
  )
}

const shareMessage = (code: string) => {
  const messages = currentLanguage() === 'vi' ? VN_SHARE_MESSAGES_VI : VN_SHARE_MESSAGES_EN
  return code in messages ? messages[code as VnShareErrorCode] : null
}
const cardMessage = (code: string) => {
  const messages = currentLanguage() === 'vi' ? VN_ID_MESSAGES_VI : VN_ID_MESSAGES_EN
  return code in messages ? messages[code as VnIdErrorCode] : null
}

/** An online or registry error: the sharing module's text when known, the provider's or server's otherwise. */
export const serverErrorText = (code: string, message: string, t: TFunction) => {
  if (code.startsWith('sharing.'))
    return t(`share.errorCodes.${code.slice('sharing.'.length)}` as 'share.errorCodes.TOKEN_USED', {
      defaultValue: message,
    })
  if (code === 'oauth.invalid_client') return t('verify.errors.invalid_client')
  if (code === 'network.UNREACHABLE') return t('verify.errors.network')
  if (code === 'card_check.RATE_LIMITED') return t('verify.errors.rateLimited')
  if (code === 'platform.NOT_FOUND') return t('verify.errors.unavailable')
  return message
}

const valueText = (row: ClaimRow, t: TFunction) => {
  const v = row.value
  if (v.type === 'date') return vnDate(v.text)
  if (v.type === 'text') return v.text
  if (row.key === 'kind' || row.key === 'document_kind')
    return t(`documents.kinds.${v.term}` as 'documents.kinds.tax_code', { defaultValue: v.term })
  if (row.key === 'status')
    return t(`documents.statuses.${v.term}` as 'documents.statuses.active', { defaultValue: v.term })
  return t(`verify.values.${v.term}` as 'verify.values.male', { defaultValue: v.term })
}

export const ClaimsTable = ({ rows, caption }: { rows: ClaimRow[]; caption: string }) => {
  const { t } = useTranslation()
  return (
    <Table withRowBorders striped>
      <caption style={{ textAlign: 'left', fontWeight: 700, paddingBottom: 8, captionSide: 'top' }}>
        {caption}
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="40%">{t('verify.field')}</Table.Th>
          <Table.Th>{t('verify.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.path}>
            <Table.Th scope="row" fw={500}>
              {t(`verify.claims.${row.key}` as 'verify.claims.sex', { defaultValue: row.key })}
            </Table.Th>
            <Table.Td fw={700}>{valueText(row, t)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

const Facts = ({ children }: { children: ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
)

type Props = { outcome: Outcome; registrySlot?: ReactNode }

export const OutcomeView = ({ outcome, registrySlot }: Props) => {
  const { t } = useTranslation()
  if (outcome.kind === 'unknown')
    return (
      <Alert color="yellow" variant="light" role="alert">
        {t('verify.unknownKind')}
      </Alert>
    )
  const kind = t(`verify.kinds.${outcome.kind}`)
  if (!outcome.ok) {
    const message =
      outcome.kind === 'offline'
        ? outcome.code === 'keys.UNAVAILABLE'
          ? t('verify.keysUnavailable')
          : (shareMessage(outcome.code) ?? outcome.message)
        : outcome.kind === 'card'
          ? (cardMessage(outcome.code) ?? outcome.message)
          : outcome.needsVerifier
            ? t('verify.verifier.missing')
            : serverErrorText(outcome.code, outcome.message, t)
    return (
      <Stack gap="sm">
        <Verdict
          ok={false}
          title={outcome.kind === 'card' ? t('verify.cardInvalid') : t('verify.invalid')}
          detail={kind}
        />
        <ErrorDetail code={outcome.code} message={message} />
        {outcome.kind === 'offline' && outcome.keys && <KeysNote keys={outcome.keys} />}
        {outcome.kind === 'offline' && outcome.replay && <ReplayNote replay={outcome.replay} />}
      </Stack>
    )
  }
  if (outcome.kind === 'offline') {
    const s = outcome.share
    return (
      <Stack gap="sm">
        <Verdict ok title={t('verify.valid')} detail={kind} />
        <Facts>
          {t('verify.profile')}: <strong>{t(`verify.profiles.${s.profile}`)}</strong> · {t('verify.sharedAt')}
          : {formatVnDateTime(s.presentedAt.toISOString())}
        </Facts>
        <KeysNote keys={outcome.keys} />
        <Facts>{s.status.checked === 'valid' ? t('verify.statusValid') : t('verify.statusUnknown')}</Facts>
        <ReplayNote replay={outcome.replay} />
        <ClaimsTable rows={claimRows(s.claims)} caption={t('verify.claimsTitle')} />
      </Stack>
    )
  }
  if (outcome.kind === 'online') {
    const r = outcome.redeemed
    return (
      <Stack gap="sm">
        <Verdict ok title={t('verify.valid')} detail={kind} />
        <Facts>
          {t('verify.profile')}:{' '}
          <strong>
            {t(`verify.profiles.${r.scope.kind}` as 'verify.profiles.basic', { defaultValue: r.scope.kind })}
          </strong>{' '}
          · {t('verify.sharedAt')}: {formatVnDateTime(r.sharedAt)}
        </Facts>
        {r.subjectKind && (
          <Facts>
            {t('verify.subjectKind')}:{' '}
            <strong>{t(r.subjectKind === 'foreigner' ? 'verify.foreigner' : 'verify.citizen')}</strong>
          </Facts>
        )}
        <ClaimsTable rows={claimRows(r.subject)} caption={t('verify.claimsTitle')} />
      </Stack>
    )
  }
  const registry = outcome.registry
  return (
    <Stack gap="sm">
      <Verdict ok title={t('verify.cardParsed')} detail={kind} />
      <Alert color="yellow" variant="light">
        {t('verify.cardLocal')}
      </Alert>
      <ClaimsTable rows={claimRows(outcome.record)} caption={t('verify.claimsTitle')} />
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="registry-title">
        <Stack gap="xs">
          <Title order={3} size="h4" id="registry-title">
            {t('verify.registry.title')}
          </Title>
          {registry === null && (registrySlot ?? <Text size="sm">{t('verify.registry.needsVerifier')}</Text>)}
          {registry instanceof VerifierError && (
            <ErrorDetail code={registry.code} message={serverErrorText(registry.code, registry.message, t)} />
          )}
          {registry && !(registry instanceof VerifierError) && (
            <Verdict
              ok={registry.verdict === 'valid'}
              title={t(`verify.verdicts.${registry.verdict}` as 'verify.verdicts.valid', {
                defaultValue: registry.verdict,
              })}
              detail={t('verify.registry.checkedOn', { date: vnDate(registry.checkedOn) })}
              small
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  )
}

const KeysNote = ({ keys }: { keys: { fetchedAt: string; source: 'network' | 'cache' } }) => {
  const { t } = useTranslation()
  const at = formatVnDateTime(keys.fetchedAt)
  return (
    <Facts>
      <span data-testid="keys-note">
        {keys.source === 'cache' ? t('verify.offlineKeys', { at }) : t('verify.onlineKeys', { at })}
      </span>
    </Facts>
  )
}

/** Which replay store was asked: all of the verifier's scanners, or this device only (and why). */
const ReplayNote = ({ replay }: { replay: ReplayCheck }) => {
  const { t } = useTranslation()
  const note = replayNote(replay)
  return (
    <Facts>
      <span data-testid="replay-note" data-store={replay.store}>
        {t(`verify.replay.${note}`)}
      </span>
    </Facts>
  )
}
