import { randomUUID } from 'node:crypto'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import { sql } from 'kysely'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { fitsProfile } from './clients.profile.js'
import { ClientJwksInput } from './clients.schemas.js'
import { hashClientSecret, newClientSecret } from './clients.secret.js'
import { addClient, type ClientCredentials } from './clients.service.js'
import { OIDC } from './oidc.errors.js'
import { issuerOf } from './oidc.provider.js'
import { auditApplication, type OnboardingActor } from './onboarding.audit.js'
import { checkClientFields } from './onboarding.checks.js'
import { ONBOARDING } from './onboarding.errors.js'
import {
  applicationsOf,
  applicationWithClient,
  countSandboxClients,
  insertApplication,
  markCredentialsCollected,
  moveApplication,
  setClientKeys,
  setClientSecretHash,
} from './onboarding.repository.js'
import { type ApplicationInput, OrgCode, type SandboxInput } from './onboarding.schemas.js'
import { dueOn, toApplicationView } from './onboarding.view.js'
import { refuseTryLoginUri } from './try-login.js'

type OnboardingDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'policy'>

/** The citizen who applies for an organisation (organisations have no e-ID account of their own here). */
export type Applicant = {
  accountId: string
  subjectId: string
  level: number
  requestId?: string | undefined
}

/** How many test clients one developer may register in a sandbox. */
export const SANDBOX_LIMIT = 5

/** A sandbox deployment: OIDC_SANDBOX, or by default a demo deployment outside production. */
export const sandboxOn = (config: Deps['config']) =>
  config.OIDC_SANDBOX ?? (config.DEMO_SEED && config.NODE_ENV !== 'production')

const actorOf = (a: Applicant): OnboardingActor => ({
  id: a.subjectId,
  kind: 'citizen',
  requestId: a.requestId,
})
const today = (deps: OnboardingDeps) => vietnamDateOf(deps.clock.now())

/** What the relying party configures: shown once with a secret, later without. */
const credentialsOf = (deps: OnboardingDeps, clientId: string, secret?: string) => ({
  client_id: clientId,
  ...(secret === undefined ? {} : { client_secret: secret }),
  issuer: issuerOf(deps.config),
  discovery: `${issuerOf(deps.config)}/.well-known/openid-configuration`,
})
export type ShownCredentials = ReturnType<typeof credentialsOf>

/** An application of the applicant's own; anyone else's is "not found" (no enumeration of ids). */
const ownApplication = async (deps: OnboardingDeps, applicant: Applicant, id: string) => {
  const r = (await applicationWithClient(deps.db, id)) ?? fail(ONBOARDING.NOT_FOUND)
  if (r.applicant_account_id !== applicant.accountId) fail(ONBOARDING.NOT_FOUND)
  return r
}

/**
 * An organisation's application to connect a service (D69 Art 18): every field is checked before
 * anything is written; a system below security level 3 is refused at once, with nothing stored.
 */
export const submitApplication = async (
  deps: OnboardingDeps,
  applicant: Applicant,
  input: ApplicationInput,
) => {
  if (applicant.level < 2) fail(ONBOARDING.APPLICANT_LEVEL_2_REQUIRED)
  if (input.securityLevel < 3) fail(ONBOARDING.SECURITY_LEVEL_TOO_LOW)
  if (!OrgCode.safeParse(input.organisation.code).success) fail(ONBOARDING.ORG_CODE_INVALID)
  const client = checkClientFields({ ...input, name: input.service.name, purpose: input.service.purpose })
  refuseTryLoginUri(deps.config, client.redirectUris)
  const submittedOn = today(deps)
  const signedOn = input.agreement?.signedOn ?? null
  if (signedOn !== null && signedOn > submittedOn) fail(ONBOARDING.AGREEMENT_DATE_INVALID)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertApplication(trx, {
      id: randomUUID(),
      kind: 'production',
      state: 'submitted',
      applicant_subject_id: applicant.subjectId,
      applicant_account_id: applicant.accountId,
      org_name: input.organisation.name,
      org_code: input.organisation.code,
      contact_name: input.contact.name,
      contact_email: input.contact.email,
      contact_phone: input.contact.phone,
      service_name: client.name,
      purpose: client.purpose,
      scopes: client.scopes,
      min_level: client.minLevel,
      security_level: input.securityLevel,
      redirect_uris: client.redirectUris,
      auth_method: client.authMethod,
      jwks: client.jwks === null ? null : JSON.stringify(client.jwks),
      profile: client.profile,
      allow_dependents: input.allowDependents,
      agreement_number: input.agreement?.number ?? null,
      agreement_signed_on: signedOn,
      submitted_on: submittedOn,
      due_on: dueOn(deps.policy, submittedOn, signedOn),
      created_at: now,
      updated_at: now,
    })
    await auditApplication(trx, deps.clock, actorOf(applicant), 'submitted', row.id, {
      organisation: row.org_code,
      service: row.service_name,
      scopes: row.scopes,
      securityLevel: row.security_level,
      allowDependents: row.allow_dependents,
    })
    return toApplicationView(row, submittedOn)
  })
}

export const myApplications = async (deps: OnboardingDeps, applicant: Applicant) =>
  (await applicationsOf(deps.db, applicant.accountId)).map((r) => toApplicationView(r, today(deps)))

export const myApplication = async (deps: OnboardingDeps, applicant: Applicant, id: string) =>
  toApplicationView(await ownApplication(deps, applicant, id), today(deps))

/** The applicant takes back an application the agency has not decided yet. */
export const withdrawApplication = async (deps: OnboardingDeps, applicant: Applicant, id: string) => {
  await ownApplication(deps, applicant, id)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const moved =
      (await moveApplication(trx, id, 'withdraw', 'withdrawn', { withdrawn_at: now, updated_at: now })) ??
      fail(ONBOARDING.WRONG_STATE)
    await auditApplication(trx, deps.clock, actorOf(applicant), 'withdrawn', id)
    return toApplicationView(moved, today(deps))
  })
}

/**
 * The approved client's credentials, once: the secret is made now (the one made at approval was never
 * shown, so the appraiser never saw it) and only its hash is kept. A second call is refused.
 */
export const collectCredentials = async (deps: OnboardingDeps, applicant: Applicant, id: string) => {
  const r = await ownApplication(deps, applicant, id)
  if (r.state !== 'approved' || r.client_id === null) return fail(ONBOARDING.NOT_APPROVED)
  const clientId = r.client_id
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    if (!(await markCredentialsCollected(trx, id, now))) fail(ONBOARDING.CREDENTIALS_ALREADY_COLLECTED)
    const secret = r.auth_method === 'private_key_jwt' ? undefined : newClientSecret()
    if (secret !== undefined) await setClientSecretHash(trx, clientId, hashClientSecret(secret), now)
    await auditApplication(trx, deps.clock, actorOf(applicant), 'credentials_collected', id, { clientId })
    return credentialsOf(deps, clientId, secret)
  })
}

/** A new secret for an approved secret client: the old one stops working at once. */
export const rotateSecret = async (deps: OnboardingDeps, applicant: Applicant, id: string) => {
  const r = await ownApplication(deps, applicant, id)
  if (r.state !== 'approved' || r.client_id === null) return fail(ONBOARDING.NOT_APPROVED)
  if (r.auth_method === 'private_key_jwt') return fail(ONBOARDING.NO_SECRET)
  const clientId = r.client_id
  const secret = newClientSecret()
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    ;(await setClientSecretHash(trx, clientId, hashClientSecret(secret), now)) ?? fail(ONBOARDING.NO_SECRET)
    await auditApplication(trx, deps.clock, actorOf(applicant), 'secret_rotated', id, { clientId })
    return credentialsOf(deps, clientId, secret)
  })
}

/** New public keys for an approved private_key_jwt client (a key rotation): the old keys stop working at once. */
export const replaceKeys = async (deps: OnboardingDeps, applicant: Applicant, id: string, jwks: unknown) => {
  const r = await ownApplication(deps, applicant, id)
  if (r.state !== 'approved' || r.client_id === null) return fail(ONBOARDING.NOT_APPROVED)
  if (r.auth_method !== 'private_key_jwt') return fail(ONBOARDING.NO_KEYS)
  const parsed = ClientJwksInput.safeParse(jwks)
  if (!parsed.success) return fail(OIDC.JWKS_INVALID)
  if (!fitsProfile(r.profile, r.auth_method, parsed.data)) return fail(OIDC.PROFILE_INVALID)
  const clientId = r.client_id
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    await setClientKeys(trx, id, clientId, JSON.stringify(parsed.data), now)
    await auditApplication(trx, deps.clock, actorOf(applicant), 'keys_replaced', id, {
      clientId,
      kids: parsed.data.keys.map((k) => (typeof k.kid === 'string' ? k.kid : null)),
    })
    return credentialsOf(deps, clientId)
  })
}

/**
 * A sandbox deployment registers a developer's test client at once, against the synthetic population: no
 * agreement, no appraisal, a few per developer; the secret is shown in this answer only.
 */
export const registerSandboxClient = async (
  deps: OnboardingDeps,
  applicant: Applicant,
  input: SandboxInput,
) => {
  if (!sandboxOn(deps.config)) fail(ONBOARDING.SANDBOX_OFF)
  const client = checkClientFields(input)
  refuseTryLoginUri(deps.config, client.redirectUris)
  const now = deps.clock.now()
  const on = today(deps)
  return deps.db.transaction().execute(async (trx) => {
    // One developer's registrations take turns (a lock held to commit): two at once cannot both pass the limit.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`oidc-sandbox:${applicant.accountId}`}))`.execute(trx)
    if ((await countSandboxClients(trx, applicant.accountId)) >= SANDBOX_LIMIT) fail(ONBOARDING.SANDBOX_LIMIT)
    const creds: ClientCredentials = await addClient(
      { db: trx, clock: deps.clock },
      { id: 'sandbox', kind: 'system' },
      {
        name: client.name,
        purpose: client.purpose,
        redirectUris: client.redirectUris,
        scopes: client.scopes,
        minLevel: client.minLevel,
        authMethod: client.authMethod,
        profile: client.profile,
        allowDependents: input.allowDependents,
        ...(client.jwks ? { jwks: client.jwks } : {}),
      },
    )
    const row = await insertApplication(trx, {
      id: randomUUID(),
      kind: 'sandbox',
      state: 'approved',
      applicant_subject_id: applicant.subjectId,
      applicant_account_id: applicant.accountId,
      org_name: 'Sandbox',
      org_code: '0000000000',
      contact_name: applicant.subjectId,
      contact_email: 'sandbox@dinhdanh.local',
      contact_phone: 'sandbox',
      service_name: client.name,
      purpose: client.purpose,
      scopes: client.scopes,
      min_level: client.minLevel,
      security_level: null,
      redirect_uris: client.redirectUris,
      auth_method: client.authMethod,
      jwks: client.jwks === null ? null : JSON.stringify(client.jwks),
      profile: client.profile,
      allow_dependents: input.allowDependents,
      submitted_on: on,
      due_on: on,
      decided_at: now,
      client_id: creds.client_id,
      credentials_collected_at: now,
      created_at: now,
      updated_at: now,
    })
    await auditApplication(trx, deps.clock, actorOf(applicant), 'sandbox_registered', row.id, {
      clientId: creds.client_id,
    })
    return {
      application: toApplicationView(
        { ...row, client_status: creds.status, client_allow_dependents: creds.allow_dependents },
        on,
      ),
      credentials: credentialsOf(deps, creds.client_id, creds.client_secret),
    }
  })
}
