import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import {
  type CurrentSession,
  findAccountBySubject,
  mayApproveWebQrLogin,
  requireStepUp,
  STEP_UP_FRESH_MS,
} from '../accounts/index.js'
import { findClient } from './clients.repository.js'
import { approximateIp, browserOf } from './qr-login.browser.js'
import { newQrCode, normalizeQrCode, qrCodeHash } from './qr-login.code.js'
import { QR_LOGIN } from './qr-login.errors.js'
import {
  claimPending,
  consumeApproved,
  decidePending,
  findForPage,
  insertQrLogin,
  retirePending,
} from './qr-login.repository.js'
import type { QrLoginRow } from './qr-login.table.js'

type QrDeps = Pick<Deps, 'db' | 'clock'>

/** A code lives 2 minutes; once approved, the waiting page has 1 more minute to pick the approval up. */
export const QR_LOGIN_TTL_MS = 2 * 60_000
const PICK_UP_MS = 60_000

// ---- The login page's side -------------------------------------------------------------------------

/** A new code for a login page (its older pending code stops working). */
export const startQrLogin = async (
  deps: QrDeps,
  page: { interactionUid: string; clientId: string; userAgent: string | undefined; ip: string },
) => {
  const code = newQrCode()
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    await retirePending(trx, page.interactionUid, now)
    await insertQrLogin(trx, {
      id: randomUUID(),
      codeHash: qrCodeHash(code),
      interactionUid: page.interactionUid,
      clientId: page.clientId,
      browser: browserOf(page.userAgent),
      ip: approximateIp(page.ip),
      createdAt: now,
      expiresAt: new Date(now.getTime() + QR_LOGIN_TTL_MS),
    })
  })
  return code
}

export type QrPageStatus =
  | { kind: 'waiting'; expiresAt: Date }
  | { kind: 'approved'; subjectId: string; level: number; amr: string[] }
  | { kind: 'refused' }
  | { kind: 'expired' }
  | { kind: 'not_allowed' }

/**
 * Where a login page's code stands. An approval is used up here, once: the caller must finish the login
 * with it. The account is checked again, as it may have been locked or lost its permission meanwhile.
 */
export const qrPageStatus = async (
  deps: QrDeps,
  interactionUid: string,
  code: string,
): Promise<QrPageStatus> => {
  const now = deps.clock.now()
  const hash = qrCodeHash(normalizeQrCode(code) ?? '')
  const row = await findForPage(deps.db, interactionUid, hash)
  if (!row) return { kind: 'expired' }
  if (row.state === 'refused') return { kind: 'refused' }
  if (row.state === 'pending')
    return row.expires_at > now ? { kind: 'waiting', expiresAt: row.expires_at } : { kind: 'expired' }
  if (row.state === 'used') return { kind: 'expired' }
  const used = await consumeApproved(deps.db, interactionUid, hash, now)
  const account = used?.account_id ? await findAccountBySubject(deps.db, used.account_id) : undefined
  if (!used || !account) return { kind: 'expired' }
  if (!(await mayApproveWebQrLogin(deps, account))) return { kind: 'not_allowed' }
  return { kind: 'approved', subjectId: account.subject_id, level: account.level, amr: used.amr ?? [] }
}

// ---- The citizen app's side ------------------------------------------------------------------------

export type QrLoginView = {
  clientName: string
  purpose: string | null
  browser: string
  ip: string
  createdAt: string
  expiresAt: string
}

const allowedOrFail = async (deps: QrDeps, s: CurrentSession) => {
  if (!(await mayApproveWebQrLogin(deps, s.account))) fail(QR_LOGIN.QR_LOGIN_NOT_ALLOWED)
}

const viewOf = async (deps: QrDeps, row: QrLoginRow): Promise<QrLoginView> => {
  const client = await findClient(deps.db, row.client_id)
  return {
    clientName: client?.name ?? row.client_id,
    purpose: client?.purpose ?? null,
    browser: row.browser,
    ip: row.ip,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  }
}

/** The app reads a code: who asks and from which browser. The first account to read it holds it. */
export const inspectQrLogin = async (deps: QrDeps, s: CurrentSession, input: string) => {
  await allowedOrFail(deps, s)
  const code = normalizeQrCode(input) ?? fail(QR_LOGIN.QR_LOGIN_INVALID)
  const row =
    (await claimPending(deps.db, qrCodeHash(code), s.account.subject_id, deps.clock.now())) ??
    fail(QR_LOGIN.QR_LOGIN_INVALID)
  return viewOf(deps, row)
}

// How the holder proved, within the last minutes, that they hold the phone: the step-up, else the login.
const proofOf = (now: Date, s: CurrentSession) =>
  s.stepUp && now.getTime() - s.stepUp.at.getTime() <= STEP_UP_FRESH_MS
    ? s.stepUp.method
    : s.methods.includes('hwk')
      ? 'hwk'
      : 'otp'

/**
 * The holder approves or refuses. Approving is presenting one's e-ID to a service, so it needs a fresh
 * step-up (or a fresh two-factor login) like other sensitive actions; refusing never does.
 */
export const decideQrLogin = async (
  deps: QrDeps,
  s: CurrentSession,
  input: string,
  decision: 'approve' | 'refuse',
  client: { ip: string; requestId?: string },
) => {
  await allowedOrFail(deps, s)
  const code = normalizeQrCode(input) ?? fail(QR_LOGIN.QR_LOGIN_INVALID)
  if (decision === 'approve') await requireStepUp(deps, s)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const row =
      (await decidePending(
        trx,
        qrCodeHash(code),
        s.account.subject_id,
        now,
        decision === 'approve'
          ? {
              state: 'approved',
              // mca: confirmed over a second channel (the app); then the proof of holding the phone.
              amr: ['mca', proofOf(now, s)],
              pickUpBy: new Date(now.getTime() + PICK_UP_MS),
            }
          : { state: 'refused' },
      )) ?? fail(QR_LOGIN.QR_LOGIN_INVALID)
    const view = await viewOf({ ...deps, db: trx }, row)
    await recordAudit(trx, deps.clock, {
      actor: s.account.subject_id,
      actorKind: 'citizen',
      action: decision === 'approve' ? 'oidc.qr_login.approved' : 'oidc.qr_login.refused',
      subject: s.account.subject_id,
      subjectKind: s.account.subject_kind,
      purpose: 'authentication',
      data: {
        clientId: row.client_id,
        clientName: view.clientName,
        browser: row.browser,
        browserIp: row.ip,
        ip: client.ip,
        sessionId: s.sessionId,
      },
      requestId: client.requestId ?? null,
    })
    return { decision: decision === 'approve' ? ('approved' as const) : ('refused' as const), ...view }
  })
}
