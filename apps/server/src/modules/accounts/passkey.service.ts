import { randomUUID } from 'node:crypto'
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { AccountRow } from './accounts.table.js'
import { PASSKEYS } from './passkey.errors.js'
import { relyingPartyOf } from './passkey.relying-party.js'
import {
  consumeWebauthnChallenge,
  findLivePasskey,
  insertPasskey,
  insertWebauthnChallenge,
  livePasskeys,
  recordPasskeyUse,
  revokePasskey,
} from './passkey.repository.js'
import type { WebauthnPurpose } from './passkey.table.js'
import { type Client, type CurrentSession, openSession, type SessionDeps } from './session.service.js'
import { requireStepUp, stepUp } from './step-up.js'

const CHALLENGE_MS = 5 * 60_000
const MAX_PASSKEYS = 10
// A passkey with user verification (PIN or biometric on the device) is possession and a second factor.
const PASSKEY_AMR = ['hwk', 'mfa']

/** The WebAuthn user handle: the account's random id, never the personal ID number. */
const userHandle = (accountId: string) => Buffer.from(accountId.replaceAll('-', ''), 'hex')

const audit = (
  deps: SessionDeps,
  trx: Parameters<typeof recordAudit>[0],
  account: AccountRow,
  action: string,
  client: Client,
  data: Record<string, unknown>,
) =>
  recordAudit(trx, deps.clock, {
    actor: account.subject_id,
    actorKind: 'citizen',
    action: `accounts.passkey.${action}`,
    subject: account.subject_id,
    subjectKind: account.subject_kind,
    purpose: 'authentication',
    data: { ip: client.ip, ...data },
    requestId: client.requestId ?? null,
  })

const newChallenge = async (
  deps: SessionDeps,
  purpose: WebauthnPurpose,
  challenge: string,
  session: CurrentSession | null,
  boundTo: string | null = null,
) => {
  const id = randomUUID()
  const now = deps.clock.now()
  await insertWebauthnChallenge(deps.db, {
    id,
    purpose,
    challenge,
    accountId: session?.account.id ?? null,
    sessionId: session?.sessionId ?? null,
    boundTo,
    now,
    expiresAt: new Date(now.getTime() + CHALLENGE_MS),
  })
  return id
}

const consume = async (
  deps: SessionDeps,
  challengeId: string,
  purpose: WebauthnPurpose,
  session: CurrentSession | null,
  boundTo: string | null = null,
) =>
  (await consumeWebauthnChallenge(
    deps.db,
    challengeId,
    purpose,
    session?.sessionId ?? null,
    deps.clock.now(),
    boundTo,
  )) ?? fail(PASSKEYS.PASSKEY_CHALLENGE_INVALID)

/** Step 1 of adding a passkey (after a step-up): the options for navigator.credentials.create(). */
export const passkeyRegistrationOptions = async (deps: SessionDeps, s: CurrentSession) => {
  const rp = relyingPartyOf(deps.config)
  await requireStepUp(deps, s)
  const existing = await livePasskeys(deps.db, s.account.id)
  if (existing.length >= MAX_PASSKEYS) fail(PASSKEYS.TOO_MANY_PASSKEYS)
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: s.account.subject_id,
    userID: userHandle(s.account.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
    // A discoverable credential (log in without typing the number) that checks the holder on the device.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: CHALLENGE_MS,
  })
  return { challengeId: await newChallenge(deps, 'register', options.challenge, s), options: { ...options } }
}

/** Step 2: the browser's attestation, verified; the public key is kept and the holder told by SMS. */
export const finishPasskeyRegistration = async (
  deps: SessionDeps,
  s: CurrentSession,
  input: { challengeId: string; response: RegistrationResponseJSON; name: string },
  client: Client,
) => {
  const rp = relyingPartyOf(deps.config)
  await requireStepUp(deps, s)
  const { challenge } = await consume(deps, input.challengeId, 'register', s)
  const verified = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => fail(PASSKEYS.PASSKEY_REJECTED))
  if (!verified.verified) return fail(PASSKEYS.PASSKEY_REJECTED)
  const info = verified.registrationInfo
  const id = randomUUID()
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    await insertPasskey(trx, {
      id,
      account_id: s.account.id,
      credential_id: info.credential.id,
      public_key: info.credential.publicKey,
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      device_type: info.credentialDeviceType,
      backed_up: info.credentialBackedUp,
      aaguid: info.aaguid,
      name: input.name,
      created_at: now,
    })
    await enqueueNotification(trx, deps.clock, {
      channel: 'sms',
      recipient: s.account.phone,
      template: 'accounts.passkey.added',
      body: 'Mot khoa truy cap (passkey) vua duoc them vao tai khoan dinh danh dien tu cua ban. Neu khong phai ban, hay khoa tai khoan ngay.',
    })
    await audit(deps, trx, s.account, 'added', client, { passkeyId: id, synced: info.credentialBackedUp })
    return { id, name: input.name, createdAt: now.toISOString() }
  })
}

export const listPasskeys = async (deps: SessionDeps, s: CurrentSession) =>
  (await livePasskeys(deps.db, s.account.id)).map((p) => ({
    id: p.id,
    name: p.name,
    synced: p.backed_up,
    createdAt: new Date(p.created_at).toISOString(),
    lastUsedAt: p.last_used_at ? new Date(p.last_used_at).toISOString() : null,
  }))

/** Removing a passkey is sensitive too (after a step-up); the holder is told by SMS. */
export const removePasskey = async (
  deps: SessionDeps,
  s: CurrentSession,
  passkeyId: string,
  client: Client,
) => {
  await requireStepUp(deps, s)
  return deps.db.transaction().execute(async (trx) => {
    const gone =
      (await revokePasskey(trx, s.account.id, passkeyId, deps.clock.now())) ??
      fail(PASSKEYS.PASSKEY_NOT_FOUND)
    await enqueueNotification(trx, deps.clock, {
      channel: 'sms',
      recipient: s.account.phone,
      template: 'accounts.passkey.removed',
      body: 'Mot khoa truy cap (passkey) da bi go khoi tai khoan dinh danh dien tu cua ban.',
    })
    await audit(deps, trx, s.account, 'removed', client, { passkeyId: gone.id })
    return { removed: gone.id }
  })
}

const assertionOptions = async (deps: SessionDeps, allow: { id: string; transports: string[] }[]) =>
  generateAuthenticationOptions({
    rpID: relyingPartyOf(deps.config).id,
    allowCredentials: allow,
    userVerification: 'required',
    timeout: CHALLENGE_MS,
  })

/**
 * Checks an assertion against a live passkey: the challenge, origin, relying party, user verification
 * and a signature counter that moves forward (a cloned authenticator's does not).
 */
const verifyAssertion = async (
  deps: SessionDeps,
  challenge: string,
  response: AuthenticationResponseJSON,
) => {
  const rp = relyingPartyOf(deps.config)
  const passkey = (await findLivePasskey(deps.db, response.id)) ?? fail(PASSKEYS.PASSKEY_REJECTED)
  const handle = response.response.userHandle
  if (handle && handle !== userHandle(passkey.account_id).toString('base64url'))
    fail(PASSKEYS.PASSKEY_REJECTED)
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.id,
    requireUserVerification: true,
    credential: {
      id: passkey.credential_id,
      publicKey: new Uint8Array(passkey.public_key),
      counter: passkey.counter,
      transports: passkey.transports,
    },
  }).catch(() => fail(PASSKEYS.PASSKEY_REJECTED))
  if (!verified.verified) fail(PASSKEYS.PASSKEY_REJECTED)
  const used = await recordPasskeyUse(
    deps.db,
    passkey.id,
    passkey.counter,
    verified.authenticationInfo.newCounter,
    deps.clock.now(),
  )
  if (Number(used.numUpdatedRows) !== 1) fail(PASSKEYS.PASSKEY_REJECTED)
  return passkey
}

/**
 * Username-less login, step 1: a challenge any of the holder's passkeys on this device can answer, bound
 * when asked to the ceremony's context (the OpenID provider's login interaction), which step 2 must repeat.
 */
export const passkeyLoginOptions = async (deps: SessionDeps, boundTo: string | null = null) => {
  const options = await assertionOptions(deps, [])
  return {
    challengeId: await newChallenge(deps, 'login', options.challenge, null, boundTo),
    options: { ...options },
  }
}

/** Step 2: the assertion; a passkey is two factors, so no one-time code follows, even on a new device. */
export const finishPasskeyLogin = async (
  deps: SessionDeps,
  input: {
    challengeId: string
    response: AuthenticationResponseJSON
    deviceName: string
    boundTo?: string | null
  },
  client: Client,
) => {
  const { challenge } = await consume(deps, input.challengeId, 'login', null, input.boundTo ?? null)
  const passkey = await verifyAssertion(deps, challenge, input.response)
  const account = await deps.db
    .selectFrom('accounts_account')
    .selectAll()
    .where('id', '=', passkey.account_id)
    .executeTakeFirstOrThrow()
  if (account.status === 'approved') fail(ACCOUNTS.NOT_ACTIVATED)
  if (account.status !== 'active') fail(ACCOUNTS.ACCOUNT_LOCKED)
  return openSession(deps, account, client, PASSKEY_AMR, input.deviceName)
}

/** Step-up with a passkey, step 1: only the holder's own passkeys may answer. */
export const passkeyStepUpOptions = async (deps: SessionDeps, s: CurrentSession) => {
  const mine = await livePasskeys(deps.db, s.account.id)
  if (!mine.length) fail(PASSKEYS.PASSKEY_NOT_FOUND)
  const options = await assertionOptions(
    deps,
    mine.map((p) => ({ id: p.credential_id, transports: p.transports })),
  )
  return { challengeId: await newChallenge(deps, 'step_up', options.challenge, s), options: { ...options } }
}

export const finishPasskeyStepUp = async (
  deps: SessionDeps,
  s: CurrentSession,
  input: { challengeId: string; response: AuthenticationResponseJSON },
  client: Client,
) => {
  const { challenge } = await consume(deps, input.challengeId, 'step_up', s)
  const passkey = await verifyAssertion(deps, challenge, input.response)
  if (passkey.account_id !== s.account.id) fail(PASSKEYS.PASSKEY_REJECTED)
  return stepUp(deps, s, 'hwk', client)
}
