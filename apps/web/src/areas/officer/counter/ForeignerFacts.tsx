import { Badge, Group, Loader, Paper, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../../i18n'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { formatPartialDate } from '../dates'
import { type Fact, PersonFacts } from '../PersonFacts'
import { type Foreigner, useForeigner } from './foreignerApi'

/** The country's name in the page's language for an ISO 3166 code ('KR' → 'Hàn Quốc'); the code if unknown. */
const countryName = (code: string): string => {
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

// The officer's own date; the server decides validity again when the dossier opens.
const today = () => new Date().toISOString().slice(0, 10)

const DateWithExpiry = ({ date }: { date: string }) => {
  const { t } = useTranslation()
  return (
    <Group gap={6} component="span">
      {formatPartialDate(date)}
      {date < today() && (
        <Badge color="red.9" variant="filled" size="sm" component="span">
          {t('officer.counter.foreigner.expired')}
        </Badge>
      )}
    </Group>
  )
}

/** Passport and residence card facts of a foreign resident, as the immigration database holds them. */
export const ForeignerFacts = ({ foreigner: f }: { foreigner: Foreigner }) => {
  const { t } = useTranslation()
  const facts: Fact[] = [
    {
      label: t('officer.counter.foreigner.id'),
      value: <span style={{ fontFamily: 'monospace' }}>{f.foreignerId}</span>,
    },
    { label: t('officer.counter.fields.dateOfBirth'), value: formatPartialDate(f.dateOfBirth) },
    { label: t('officer.counter.foreigner.gender'), value: t(`officer.gender.${f.gender}`) },
    {
      label: t('officer.counter.foreigner.nationality'),
      value: `${countryName(f.nationality)} (${f.nationality})`,
    },
    {
      label: t('officer.counter.foreigner.passport'),
      value: (
        <span>
          <span style={{ fontFamily: 'monospace' }}>{f.passport.number}</span> ·{' '}
          {t('officer.counter.foreigner.passportType', { type: f.passport.type })}
        </span>
      ),
    },
    {
      label: t('officer.counter.foreigner.passportIssued'),
      value: `${formatPartialDate(f.passport.issuedOn)} · ${f.passport.place}`,
    },
    {
      label: t('officer.counter.foreigner.passportExpires'),
      value: <DateWithExpiry date={f.passport.expiresOn} />,
    },
    {
      label: t('officer.counter.foreigner.residenceCard'),
      value: (
        <span>
          {t(`officer.counter.foreigner.residenceKinds.${f.residenceCard.kind}`)} ·{' '}
          <span style={{ fontFamily: 'monospace' }}>{f.residenceCard.number}</span>
        </span>
      ),
    },
    {
      label: t('officer.counter.foreigner.residenceExpires'),
      value: f.residenceCard.expiresOn ? (
        <DateWithExpiry date={f.residenceCard.expiresOn} />
      ) : (
        t('officer.counter.foreigner.noExpiry')
      ),
    },
  ]
  return <PersonFacts facts={facts} />
}

/** The foreigner's documents as a titled section of a page. */
export const ForeignerSection = ({ foreigner }: { foreigner: Foreigner }) => {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="foreigner-documents">
      <Stack gap="sm">
        <Title order={2} size="h4" id="foreigner-documents">
          {t('officer.counter.foreigner.documents')}
        </Title>
        <ForeignerFacts foreigner={foreigner} />
      </Stack>
    </Paper>
  )
}

/** The same section read from the registry by ID (the approver checks the passport and residence card). */
export const ForeignerOnRecord = ({ foreignerId }: { foreignerId: string }) => {
  const { t } = useTranslation()
  const record = useForeigner(foreignerId)
  if (record.isPending) return <Loader aria-label={t('common.loading')} />
  if (record.isError) return <ErrorAlert error={record.error} context="person" />
  return <ForeignerSection foreigner={record.data} />
}
