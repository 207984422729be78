import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { TFunction } from 'i18next'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../api'
import type { documentsVi } from '../../i18n/documents.vi'
import { ErrorAlert } from '../../layout/ErrorAlert'
import { BackToAccount } from '../citizen/me/BackToAccount'
import { formatVnDateTime } from '../citizen/vnTime'
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentStatus,
  type IntegratedDocument,
  useDocuments,
  useIntegrateDocument,
  useRemoveDocument,
} from './documentsApi'

// Dark enough for white text at badge size (WCAG AA 4.5:1).
const STATUS_COLOUR: Record<DocumentStatus, string> = {
  active: '#1b5e20',
  suspended: '#8a4500',
  revoked: '#a51d1d',
  expired: '#495057',
}

// The kind's own fields worth showing on the card, in reading order (docs/documents.md).
const FIELDS: Record<DocumentKind, ReadonlyArray<keyof typeof documentsVi.fields>> = {
  driving_licence: ['licenceClass', 'points', 'issuingAuthority'],
  vehicle_registration: [
    'plate',
    'brand',
    'model',
    'colour',
    'chassisNumber',
    'engineNumber',
    'issuingAuthority',
  ],
  health_insurance: ['beneficiaryCode', 'benefitLevel', 'registeredHospital'],
  social_insurance: ['agency'],
  tax_code: ['legacyTaxCode', 'taxAuthority'],
}

// Dates from the server are YYYY-MM-DD; shown as dd/mm/yyyy.
const vnDate = (d: string) => d.split('-').reverse().join('/')

/** A documents error in the citizen's language, the generic alert for anything else. */
const errorText = (e: ApiError, t: TFunction) =>
  e.code.startsWith('documents.')
    ? t(`documents.errors.${e.code.slice('documents.'.length)}`, { defaultValue: e.message })
    : null

const Fact = ({ label, value }: { label: string; value: string }) => (
  <Text size="sm">
    <Text span c="dimmed">
      {label}:
    </Text>{' '}
    <strong>{value}</strong>
  </Text>
)

const DocumentCard = ({ d, onRemove }: { d: IntegratedDocument; onRemove: () => void }) => {
  const { t } = useTranslation()
  const kind = t(`documents.kinds.${d.kind}`)
  const headingId = `document-${d.id}`
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-labelledby={headingId} data-status={d.status}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {kind}
          </Title>
          <Badge color={STATUS_COLOUR[d.status]} variant="filled">
            {t(`documents.statuses.${d.status}`)}
          </Badge>
        </Group>
        <Fact label={t('documents.number')} value={d.number} />
        {FIELDS[d.kind].map((f) =>
          d.data[f] === null || d.data[f] === undefined ? null : (
            <Fact key={f} label={t(`documents.fields.${f}`)} value={String(d.data[f])} />
          ),
        )}
        <Fact label={t('documents.validFrom')} value={vnDate(d.validFrom)} />
        <Fact
          label={t('documents.validTo')}
          value={d.validTo ? vnDate(d.validTo) : t('documents.noExpiry')}
        />
        <Text size="xs" c="dimmed">
          {t('documents.syncedAt')} {formatVnDateTime(d.syncedAt)}
          {d.integratedVia === 'counter' ? ` · ${t('documents.viaCounter')}` : ''}
        </Text>
        <Button
          variant="outline"
          color="red.9"
          mt="xs"
          onClick={onRemove}
          aria-label={t('documents.removeNamed', { kind, number: d.number })}
        >
          {t('documents.remove')}
        </Button>
      </Stack>
    </Paper>
  )
}

const IntegrateForm = () => {
  const { t } = useTranslation()
  const integrate = useIntegrateDocument()
  const [kind, setKind] = useState<DocumentKind>('driving_licence')
  const [number, setNumber] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    integrate.mutate({ kind, number }, { onSuccess: () => setNumber('') })
  }
  const known = integrate.error ? errorText(integrate.error, t) : null
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="integrate-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="integrate-title">
          {t('documents.add.title')}
        </Title>
        <Text size="sm">{t('documents.add.intro')}</Text>
        <Select
          label={t('documents.add.kind')}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as DocumentKind)}
          allowDeselect={false}
        />
        <TextInput
          label={t('documents.add.number')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          required
          maxLength={40}
        />
        {known && (
          <Alert color="red" role="alert">
            {known}
          </Alert>
        )}
        {integrate.error && !known && <ErrorAlert error={integrate.error} />}
        {integrate.isSuccess && (
          <Alert color="green" role="status">
            {t('documents.add.done', { kind: t(`documents.kinds.${integrate.data.kind}`) })}
          </Alert>
        )}
        <Button type="submit" loading={integrate.isPending} disabled={!number.trim()}>
          {t('documents.add.submit')}
        </Button>
      </Stack>
    </Paper>
  )
}

/** "Giấy tờ tích hợp": the citizen's documents as cards (status, validity), integration and removal. */
export const DocumentsPage = () => {
  const { t } = useTranslation()
  const docs = useDocuments()
  const remove = useRemoveDocument()
  const [removing, setRemoving] = useState<IntegratedDocument | null>(null)
  const close = () => setRemoving(null)
  return (
    <Stack gap="md">
      <BackToAccount />
      <Title order={1}>{t('documents.title')}</Title>
      <Text>{t('documents.intro')}</Text>
      {docs.error && <ErrorAlert error={docs.error} onRetry={() => void docs.refetch()} />}
      {docs.data && docs.data.items.length === 0 && <Text c="dimmed">{t('documents.empty')}</Text>}
      {docs.data && docs.data.items.length > 0 && (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('documents.listLabel')}
        >
          {docs.data.items.map((d) => (
            <DocumentCard key={d.id} d={d} onRemove={() => setRemoving(d)} />
          ))}
        </Stack>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
      <IntegrateForm />
      <Modal
        opened={removing !== null}
        onClose={close}
        title={removing ? t('documents.confirmTitle', { kind: t(`documents.kinds.${removing.kind}`) }) : ''}
      >
        <Stack gap="sm">
          <Text>{t('documents.confirmBody')}</Text>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => removing && remove.mutate(removing.id, { onSuccess: close })}
          >
            {t('documents.confirm')}
          </Button>
          <Button variant="default" onClick={close}>
            {t('documents.cancel')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  )
}
