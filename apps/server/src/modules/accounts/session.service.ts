import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { assertOtp, issueOtp, verifyOtp } from '../authn/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { AccountRow } from './accounts.table.js'
import { checkPassword } from './password.check.js'
import {
  consumeChallenge,
  findChallenge,
  findDevice,
  insertChallenge,
  insertSession,
  liveSessions,
  revokeSessions,
  touchSession,
  trustDevice,
} from './session.repository.js'
import { newToken, phoneHint, tokenHash } from './session.tokens.js'

export type SessionDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'otpKey'>
/** Where the request comes from: the browser's device token, address and user agent. */
export type Client = { deviceToken: string; ip: string; userAgent?: string | undefined; requestId?: string }
export type NewSession = {
  sessionId: string
  token: string
  csrf: string
  expiresAt: Date
  account: { username: string; level: number }
  /** Sessions on other devices ended by the one-device-at-a-time rule. */
  endedElsewhere: number
}
export type LoginResult =
  | { kind: 'session'; session: NewSession }
  | { kind: 'challenge'; challengeId: string; phoneHint: string; expiresAt: Date }

const CHALLENGE_MS = 5 * 60_000
const audit = (
  deps: SessionDeps,
  trx: Parameters<typeof recordAudit>[0],
  account: AccountRow,
  action: string,
  client: Pick<Client, 'ip' | 'requestId'>,
  data: Record<string, unknown> = {},
) =>
  recordAudit(trx, deps.clock, {
    actor: account.subject_id,
    actorKind: 'citizen',
    action: `accounts.${action}`,
    subject: account.subject_id,
    subjectKind: account.subject_kind,
    purpose: 'authentication',
    data: { ip: client.ip, ...data },
    requestId: client.requestId ?? null,
  })

/** Opens a session for an authenticated holder on this device (which is trusted from then on). */
export const openSession = (
  deps: SessionDeps,
  account: AccountRow,
  client: Client,
  methods: string[],
  deviceName: string,
): Promise<NewSession> =>
  deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const deviceId = await trustDevice(trx, {
      id: randomUUID(),
      accountId: account.id,
      deviceHash: tokenHash(client.deviceToken),
      name: deviceName,
      now,
    })
    const ended = deps.config.SINGLE_DEVICE_LOGIN
      ? await revokeSessions(trx, account.id, 'signed_in_elsewhere', now)
      : []
    const token = newToken()
    const csrf = newToken()
    const idle = new Date(now.getTime() + deps.config.SESSION_IDLE_MINUTES * 60_000)
    const sessionId = randomUUID()
    await insertSession(trx, {
      id: sessionId,
      account_id: account.id,
      device_id: deviceId,
      token_hash: tokenHash(token),
      csrf_hash: tokenHash(csrf),
      methods,
      ip: client.ip,
      user_agent: client.userAgent ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: idle,
    })
    if (ended.length)
      await enqueueNotification(trx, deps.clock, {
        channel: 'sms',
        recipient: account.phone,
        template: 'accounts.session.signed_in_elsewhere',
        body: `Tai khoan dinh danh dien tu cua ban vua dang nhap tren thiet bi ${deviceName.replace(/[^\x20-\x7e]/g, '')}. Neu khong phai ban, hay khoa tai khoan ngay.`,
      })
    await audit(deps, trx, account, 'session.started', client, {
      sessionId,
      methods,
      endedElsewhere: ended.length,
    })
    return {
      sessionId,
      token,
      csrf,
      expiresAt: idle,
      account: { username: account.subject_id, level: account.level },
      endedElsewhere: ended.length,
    }
  })

/**
 * Login with the personal ID number and password (DOMAIN §2.3). Unknown numbers cost the same time as
 * known ones and get the same answer; failures count towards a capped backoff per account and address.
 * On a device the account has not trusted yet, a one-time code goes to the registered phone first.
 */
export const login = async (
  deps: SessionDeps,
  input: { username: string; password: string; deviceName: string },
  client: Client,
): Promise<LoginResult> => {
  const account = await checkPassword(deps, input, client.ip)
  if (account.status === 'approved') fail(ACCOUNTS.NOT_ACTIVATED)
  if (account.status !== 'active') fail(ACCOUNTS.ACCOUNT_LOCKED)
  if (await findDevice(deps.db, account.id, tokenHash(client.deviceToken)))
    return { kind: 'session', session: await openSession(deps, account, client, ['pwd'], input.deviceName) }
  const challengeId = randomUUID()
  const now = deps.clock.now()
  const expiresAt = new Date(now.getTime() + CHALLENGE_MS)
  await deps.db.transaction().execute(async (trx) => {
    await insertChallenge(trx, {
      id: challengeId,
      accountId: account.id,
      deviceHash: tokenHash(client.deviceToken),
      deviceName: input.deviceName,
      now,
      expiresAt,
    })
    await issueOtp(
      { ...deps, db: trx },
      {
        purpose: 'login_new_device',
        subject: `${account.id}:${challengeId}`,
        recipient: account.phone,
        channel: 'sms',
      },
    )
  })
  return { kind: 'challenge', challengeId, phoneHint: phoneHint(account.phone), expiresAt }
}

/** The second step on a new device: the code sent to the phone; the device is trusted from then on. */
export const verifyNewDevice = async (
  deps: SessionDeps,
  input: { challengeId: string; code: string },
  client: Client,
) => {
  const pending = await findChallenge(deps.db, input.challengeId)
  if (!pending || pending.device_hash !== tokenHash(client.deviceToken))
    return fail(ACCOUNTS.CHALLENGE_INVALID)
  assertOtp(
    await verifyOtp(deps, {
      purpose: 'login_new_device',
      subject: `${pending.account_id}:${pending.id}`,
      code: input.code,
    }),
  )
  const challenge =
    (await consumeChallenge(deps.db, input.challengeId, tokenHash(client.deviceToken), deps.clock.now())) ??
    fail(ACCOUNTS.CHALLENGE_INVALID)
  const account = await deps.db
    .selectFrom('accounts_account')
    .selectAll()
    .where('id', '=', challenge.account_id)
    .executeTakeFirstOrThrow()
  if (account.status !== 'active') fail(ACCOUNTS.ACCOUNT_LOCKED)
  return openSession(deps, account, client, ['pwd', 'otp'], challenge.device_name)
}

export type CurrentSession = {
  sessionId: string
  account: AccountRow
  /** How the holder logged in (RFC 8176 AMR values) and when. */
  methods: string[]
  startedAt: Date
  /** The latest step-up (passcode or passkey) inside the session, if any. */
  stepUp: { at: Date; method: string } | null
  csrfHash: string
}

/** The session a cookie token opens (its idle timeout slides), or null. */
export const sessionOf = async (deps: SessionDeps, token: string): Promise<CurrentSession | null> => {
  const now = deps.clock.now()
  const idle = new Date(now.getTime() + deps.config.SESSION_IDLE_MINUTES * 60_000)
  const s = await touchSession(deps.db, tokenHash(token), now, idle)
  if (!s) return null
  // The absolute limit: a session never outlives SESSION_MAX_HOURS, however active.
  if (now.getTime() - new Date(s.created_at).getTime() > deps.config.SESSION_MAX_HOURS * 3_600_000) {
    await revokeSessions(deps.db, s.account_id, 'expired', now, { only: s.id })
    return null
  }
  const account = await deps.db
    .selectFrom('accounts_account')
    .selectAll()
    .where('id', '=', s.account_id)
    .executeTakeFirst()
  if (account?.status !== 'active') return null
  return {
    sessionId: s.id,
    account,
    methods: s.methods,
    startedAt: new Date(s.created_at),
    stepUp:
      s.step_up_at && s.step_up_method ? { at: new Date(s.step_up_at), method: s.step_up_method } : null,
    csrfHash: s.csrf_hash,
  }
}

export const endSessions = (
  deps: SessionDeps,
  current: CurrentSession,
  client: Client,
  scope: { only?: string; othersOnly?: boolean },
) =>
  deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const ended = await revokeSessions(trx, current.account.id, 'logged_out', now, {
      ...(scope.only ? { only: scope.only } : {}),
      ...(scope.othersOnly ? { except: current.sessionId } : {}),
    })
    if (scope.only && ended.length === 0) fail(ACCOUNTS.SESSION_NOT_FOUND)
    await audit(deps, trx, current.account, 'session.ended', client, { sessions: ended.map((e) => e.id) })
    return { ended: ended.length }
  })

/**
 * Ends one session by its id, for a caller that holds no token for it: the OpenID provider's logout ends
 * the session its login opened. Already ended or unknown sessions end nothing.
 */
export const endSessionById = (deps: SessionDeps, sessionId: string, client: Omit<Client, 'deviceToken'>) =>
  deps.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('accounts_session')
      .innerJoin('accounts_account', 'accounts_account.id', 'accounts_session.account_id')
      .selectAll('accounts_account')
      .where('accounts_session.id', '=', sessionId)
      .executeTakeFirst()
    if (!account) return { ended: 0 }
    const ended = await revokeSessions(trx, account.id, 'logged_out', deps.clock.now(), { only: sessionId })
    if (ended.length) await audit(deps, trx, account, 'session.ended', client, { sessions: [sessionId] })
    return { ended: ended.length }
  })

export const listSessions = async (deps: SessionDeps, current: CurrentSession) =>
  (await liveSessions(deps.db, current.account.id, deps.clock.now())).map((s) => ({
    sessionId: s.id,
    device: s.device_name ?? '',
    methods: s.methods,
    ip: s.ip,
    startedAt: new Date(s.created_at).toISOString(),
    lastSeenAt: new Date(s.last_seen_at).toISOString(),
    current: s.id === current.sessionId,
  }))
