import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { developerError } from './developerErrors'
import { type NewApplication, useApply } from './developersApi'

const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt']
const empty = {
  orgName: '',
  orgCode: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  serviceName: '',
  purpose: '',
  redirectUris: '',
  jwks: '',
  agreementNumber: '',
  agreementDate: '',
}
type Field = keyof typeof empty
const REQUIRED: Field[] = [
  'orgName',
  'orgCode',
  'contactName',
  'contactEmail',
  'contactPhone',
  'serviceName',
  'purpose',
  'redirectUris',
]

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** The application for a production connection (D69 Art 18); the server checks every rule again. */
export const ApplyForm = ({ scopes }: { scopes: string[] }) => {
  const { t } = useTranslation()
  const apply = useApply()
  const [v, setV] = useState(empty)
  const [chosen, setChosen] = useState<string[]>(['openid', 'profile'])
  const [minLevel, setMinLevel] = useState('2')
  const [securityLevel, setSecurityLevel] = useState('3')
  const [authMethod, setAuthMethod] = useState('client_secret_basic')
  const [profile, setProfile] = useState<'baseline' | 'fapi2'>('baseline')
  const [allowDependents, setAllowDependents] = useState(false)
  const [missing, setMissing] = useState<Field[]>([])
  const [jwksBad, setJwksBad] = useState(false)
  const k = 'developers.apply'
  const field = (name: Field) => ({
    value: v[name],
    onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [name]: e.currentTarget.value }),
    error: missing.includes(name) ? t(`${k}.required`) : undefined,
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const absent = REQUIRED.filter((f) => v[f].trim() === '')
    setMissing(absent)
    const jwks = authMethod === 'private_key_jwt' ? parseJson(v.jwks) : null
    setJwksBad(jwks !== null && !jwks.ok)
    if (absent.length || (jwks !== null && !jwks.ok)) return
    const body: NewApplication = {
      organisation: { name: v.orgName.trim(), code: v.orgCode.trim() },
      contact: { name: v.contactName.trim(), email: v.contactEmail.trim(), phone: v.contactPhone.trim() },
      service: { name: v.serviceName.trim(), purpose: v.purpose.trim() },
      scopes: chosen,
      minLevel: Number(minLevel),
      securityLevel: Number(securityLevel),
      redirectUris: v.redirectUris
        .split('\n')
        .map((u) => u.trim())
        .filter(Boolean),
      authMethod,
      profile,
      allowDependents,
      ...(jwks?.ok ? { jwks: jwks.value } : {}),
      ...(v.agreementNumber.trim() && v.agreementDate
        ? { agreement: { number: v.agreementNumber.trim(), signedOn: v.agreementDate } }
        : {}),
    }
    apply.mutate(body, {
      onSuccess: () => {
        setV(empty)
        setAllowDependents(false)
      },
    })
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="apply-title">
      <Stack gap="md">
        <Title order={2} id="apply-title">
          {t(`${k}.title`)}
        </Title>
        <Fieldset legend={t(`${k}.organisation`)}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t(`${k}.orgName`)} required {...field('orgName')} />
            <TextInput label={t(`${k}.orgCode`)} required inputMode="numeric" {...field('orgCode')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t(`${k}.contact`)}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t(`${k}.contactName`)} required autoComplete="name" {...field('contactName')} />
            <TextInput
              label={t(`${k}.contactEmail`)}
              required
              type="email"
              autoComplete="email"
              {...field('contactEmail')}
            />
            <TextInput
              label={t(`${k}.contactPhone`)}
              required
              type="tel"
              autoComplete="tel"
              {...field('contactPhone')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t(`${k}.service`)}>
          <Stack gap="sm">
            <TextInput label={t(`${k}.serviceName`)} required {...field('serviceName')} />
            <Textarea label={t(`${k}.purpose`)} required autosize minRows={2} {...field('purpose')} />
            <Checkbox.Group label={t(`${k}.scopes`)} value={chosen} onChange={setChosen}>
              <Group gap="md" mt="xs">
                {scopes.map((s) => (
                  <Checkbox key={s} value={s} label={s} disabled={s === 'openid'} />
                ))}
              </Group>
            </Checkbox.Group>
            <Radio.Group label={t(`${k}.minLevel`)} value={minLevel} onChange={setMinLevel}>
              <Group gap="md" mt="xs">
                <Radio value="1" label={t(`${k}.level1`)} />
                <Radio value="2" label={t(`${k}.level2`)} />
              </Group>
            </Radio.Group>
            <NativeSelect
              label={t(`${k}.securityLevel`)}
              description={t(`${k}.securityHint`)}
              data={['1', '2', '3', '4', '5']}
              value={securityLevel}
              onChange={(e) => setSecurityLevel(e.currentTarget.value)}
            />
            <Textarea
              label={t(`${k}.redirectUris`)}
              required
              autosize
              minRows={2}
              {...field('redirectUris')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t(`${k}.authMethod`)}
                data={AUTH_METHODS}
                value={authMethod}
                onChange={(e) => setAuthMethod(e.currentTarget.value)}
              />
              <NativeSelect
                label={t(`${k}.profile`)}
                data={[
                  { value: 'baseline', label: t(`${k}.profiles.baseline`) },
                  { value: 'fapi2', label: t(`${k}.profiles.fapi2`) },
                ]}
                value={profile}
                onChange={(e) => setProfile(e.currentTarget.value === 'fapi2' ? 'fapi2' : 'baseline')}
              />
            </SimpleGrid>
            <Checkbox
              label={t(`${k}.allowDependents`)}
              description={t(`${k}.allowDependentsHint`)}
              checked={allowDependents}
              onChange={(e) => setAllowDependents(e.currentTarget.checked)}
            />
            {authMethod === 'private_key_jwt' && (
              <Textarea
                label={t(`${k}.jwks`)}
                autosize
                minRows={3}
                ff="monospace"
                {...field('jwks')}
                error={jwksBad ? t(`${k}.jwksInvalid`) : undefined}
              />
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t(`${k}.agreement`)}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t(`${k}.agreementNumber`)} {...field('agreementNumber')} />
            <TextInput label={t(`${k}.agreementDate`)} type="date" {...field('agreementDate')} />
          </SimpleGrid>
        </Fieldset>
        {apply.error && (
          <Alert color="red" role="alert">
            {developerError(apply.error, t, 'developers')}
          </Alert>
        )}
        {apply.data && (
          <Alert color="green" role="status">
            {t(`${k}.submitted`, { due: apply.data.dueOn.split('-').reverse().join('/') })}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={apply.isPending}>
            {t(`${k}.submit`)}
          </Button>
        </div>
      </Stack>
    </form>
  )
}
