import { randomUUID } from 'node:crypto'
import type { Db } from '../../database.js'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import type { CurrentSession, SubjectKind } from '../accounts/index.js'
import { readPortrait } from '../biometrics/index.js'
import { recordDataAccess } from '../data-access/index.js'
import type { MachineCaller } from '../oidc/index.js'
import { findPersonRecord } from '../registry/index.js'
import {
  type AppCheckResult,
  appCheckClaims,
  checkShareable,
  type Release,
  type ShareScope,
  scopeOf,
  type VerifierClaims,
  verifierClaims,
} from './sharing.claims.js'
import { SHARING } from './sharing.errors.js'
import { countFailedRedemption, type RetryAfterSink } from './sharing.rate-limit.js'
import {
  cancelPending,
  consumeShare,
  countPending,
  deleteOldShares,
  findShareByHash,
  findShareOf,
  insertShare,
  lockHolder,
  type Redeemer,
} from './sharing.repository.js'
import type { RedeemerKind, ShareKind, ShareRow } from './sharing.table.js'
import { newShareToken, parseShareQr, qrOf, tokenHash } from './sharing.token.js'

/** A QR is shown for one minute (Dispatch 1101: "mã QR có hiệu lực 1 phút"). */
export const SHARE_TTL_MS = 60_000
/** How many unexpired, unscanned codes a holder may have at once (a phone shows one; a few allow a retry). */
export const MAX_PENDING = 3
// Rows are kept a day after expiry for the holder's status view; the data-access log keeps the release itself.
const KEEP_MS = 86_400_000
const SWEEP_BATCH = 100

type ShareDeps = Pick<Deps, 'db' | 'clock'>
export type ShareStatus = 'pending' | 'redeemed' | 'expired' | 'cancelled'

export type ShareView = {
  id: string
  scope: ShareScope
  status: ShareStatus
  createdAt: Date
  expiresAt: Date
  redeemedBy: { kind: RedeemerKind; name: string } | null
  redeemedAt: Date | null
}

const statusOf = (r: ShareRow, now: Date): ShareStatus =>
  r.status === 'pending' && new Date(r.expires_at) <= now ? 'expired' : r.status

export const toShareView = (r: ShareRow, now: Date): ShareView => ({
  id: r.id,
  scope: scopeOf(r.kind, r.document_id),
  status: statusOf(r, now),
  createdAt: new Date(r.created_at),
  expiresAt: new Date(r.expires_at),
  redeemedBy: r.redeemer_kind && r.redeemer_name ? { kind: r.redeemer_kind, name: r.redeemer_name } : null,
  redeemedAt: r.redeemed_at ? new Date(r.redeemed_at) : null,
})

/** The holder's session, as far as sharing cares. */
export type Holder = Pick<CurrentSession['account'], 'subject_id' | 'subject_kind' | 'level'>

/**
 * A level-2 holder makes a one-time QR for one scope, valid 60 s. What it would release is checked now
 * (a scope their kind of subject can share, a valid card, an own valid document), and again when it is
 * scanned. A foreign resident shares the basic scope and the app check (sharing.claims.ts).
 */
export const createShare = async (
  deps: ShareDeps,
  holder: Holder,
  scope: ShareScope,
): Promise<{ id: string; qr: string; expiresAt: Date }> => {
  if (holder.level !== 2) fail(SHARING.LEVEL2_REQUIRED)
  const subjectId = holder.subject_id
  const now = deps.clock.now()
  await checkShareable(deps.db, holder, scope, now)
  const token = newShareToken()
  const row = await deps.db.transaction().execute(async (trx) => {
    await lockHolder(trx, subjectId)
    if ((await countPending(trx, subjectId, now)) >= MAX_PENDING) fail(SHARING.TOO_MANY_PENDING)
    // On-write cleanup: every new share sweeps a batch of long-expired ones.
    await deleteOldShares(trx, new Date(now.getTime() - KEEP_MS), SWEEP_BATCH)
    return insertShare(trx, {
      id: randomUUID(),
      subject_id: subjectId,
      token_hash: tokenHash(token),
      kind: scope.kind,
      document_id: scope.kind === 'document' ? scope.documentId : null,
      status: 'pending',
      created_at: now,
      expires_at: new Date(now.getTime() + SHARE_TTL_MS),
    })
  })
  return { id: row.id, qr: qrOf(token), expiresAt: new Date(row.expires_at) }
}

/** The holder's view of one of their shares: pending, scanned (by whom), expired or cancelled. */
export const shareStatus = async (deps: ShareDeps, subjectId: string, id: string): Promise<ShareView> =>
  toShareView((await findShareOf(deps.db, subjectId, id)) ?? fail(SHARING.NOT_FOUND), deps.clock.now())

/** The holder withdraws a code before it is scanned. */
export const cancelShare = async (deps: ShareDeps, subjectId: string, id: string): Promise<ShareView> => {
  const now = deps.clock.now()
  const row = await cancelPending(deps.db, subjectId, id, now)
  if (row) return toShareView(row, now)
  await shareStatus(deps, subjectId, id)
  return fail(SHARING.NOT_PENDING)
}

/** Why a scan consumed nothing, told without saying whose share it is. */
const refusal = async (
  db: Db,
  hash: string,
  now: Date,
  accept: { kinds: readonly ShareKind[]; notSubject?: string | undefined },
): Promise<never> => {
  const row = (await findShareByHash(db, hash)) ?? fail(SHARING.TOKEN_UNKNOWN)
  if (row.status === 'cancelled') fail(SHARING.SHARE_CANCELLED)
  if (row.status === 'redeemed') fail(SHARING.TOKEN_USED)
  if (new Date(row.expires_at) <= now) fail(SHARING.TOKEN_EXPIRED)
  if (!accept.kinds.includes(row.kind)) fail(SHARING.WRONG_CHANNEL)
  if (row.subject_id === accept.notSubject) fail(SHARING.SELF_REDEEM)
  // Pending a moment ago: another scan won between the two statements.
  return fail(SHARING.TOKEN_USED)
}

type Redemption<R> = { row: ShareRow; release: R }

/**
 * One transaction: the atomic consume, the data read, the data-access log entry. If reading or logging
 * fails nothing is released and the share stays pending (the UPDATE rolls back with it).
 */
const redeem = async <R extends Release<unknown>>(
  deps: ShareDeps,
  qr: string,
  accept: { kinds: readonly ShareKind[]; redeemer: Redeemer; notSubject?: string | undefined },
  release: (db: Db, row: ShareRow, now: Date) => Promise<R>,
  log: { channel: string; purpose: string | null; requestId?: string | undefined },
): Promise<Redemption<R>> => {
  const token = parseShareQr(qr) ?? fail(SHARING.QR_INVALID)
  const hash = tokenHash(token)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const row = (await consumeShare(trx, hash, now, accept)) ?? (await refusal(trx, hash, now, accept))
    const out = await release(trx, row, now)
    await recordDataAccess(trx, deps.clock, {
      subjectId: row.subject_id,
      recipient: { kind: 'verifier', id: accept.redeemer.id, name: accept.redeemer.name },
      channel: log.channel,
      claims: out.names,
      purpose: log.purpose,
      requestId: log.requestId ?? null,
    })
    return { row, release: out }
  })
}

export type VerifierRedemption = {
  scope: ShareScope
  /** Whose data: a citizen's (a personal ID number) or a foreign resident's (a foreigner ID number). */
  subjectKind: SubjectKind
  subject: VerifierClaims
  sharedAt: Date
  verifier: { id: string; name: string }
}

/**
 * A registered verifier (client credentials, share_redeem) redeems a basic, card or document share. A
 * refusal about the token counts towards the verifier's per-minute failure limit (sharing.RATE_LIMITED).
 */
export const redeemByVerifier = async (
  deps: ShareDeps & Pick<Deps, 'config'>,
  verifier: Pick<MachineCaller, 'clientId' | 'name' | 'purpose'>,
  qr: string,
  requestId?: string,
  reply?: RetryAfterSink,
): Promise<VerifierRedemption> => {
  const { row, release } = await redeem(
    deps,
    qr,
    {
      kinds: ['basic', 'card', 'document'],
      redeemer: { kind: 'verifier', id: verifier.clientId, name: verifier.name },
    },
    (db, r, now) => verifierClaims(db, r.subject_id, scopeOf(r.kind, r.document_id), now),
    { channel: 'qr.online', purpose: verifier.purpose, requestId },
  ).catch((e: unknown) => countFailedRedemption(deps, verifier.clientId, e, reply))
  return {
    scope: scopeOf(row.kind, row.document_id),
    subjectKind: release.subjectKind,
    subject: release.claims,
    sharedAt: new Date(row.redeemed_at ?? deps.clock.now()),
    verifier: { id: verifier.clientId, name: verifier.name },
  }
}

export const APP_CHECK_PURPOSE = 'Kiểm tra ứng dụng VNeID chính chủ (Công văn 1101/BCA-QLHC)'

/**
 * Dispatch 1101: an officer scans the citizen's 1-minute app-check QR with their own level-2 account and
 * sees that the app is genuine (the holder's identity and account level) and the holder's documents.
 */
export const redeemAppCheck = async (
  deps: ShareDeps & Pick<Deps, 'biometrics'>,
  officer: Holder & { id: string },
  qr: string,
  requestId?: string,
): Promise<AppCheckResult & { checkedAt: Date }> => {
  if (officer.level !== 2) fail(SHARING.LEVEL2_REQUIRED)
  const person = (await findPersonRecord(deps.db, officer.subject_id)) ?? fail(SHARING.RECORD_MISSING)
  const { row, release } = await redeem(
    deps,
    qr,
    {
      kinds: ['app-check'],
      redeemer: { kind: 'app_check', id: officer.id, name: person.full_name },
      notSubject: officer.subject_id,
    },
    // The officer compares the portrait on record with the person in front of them.
    (db, r) => appCheckClaims(db, r.subject_id, (id) => readPortrait(db, deps.biometrics, id)),
    { channel: 'qr.app_check', purpose: APP_CHECK_PURPOSE, requestId },
  )
  return { ...release.claims, checkedAt: new Date(row.redeemed_at ?? deps.clock.now()) }
}
