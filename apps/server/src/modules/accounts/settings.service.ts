import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import type { AccountRow } from './accounts.table.js'
import type { Client, CurrentSession } from './session.service.js'
import { SETTINGS } from './settings.errors.js'
import { saveWebQrLogin, webQrLoginOf } from './settings.repository.js'
import { requireStepUp } from './step-up.js'

export type AccountSettings = {
  webQrLogin: boolean
  /** Whether this account may turn web login by QR code on at all (level 2 only). */
  webQrLoginAvailable: boolean
}

export const settingsOf = async (deps: Pick<Deps, 'db'>, s: CurrentSession): Promise<AccountSettings> => ({
  webQrLogin: s.account.level >= 2 && (await webQrLoginOf(deps.db, s.account.id)),
  webQrLoginAvailable: s.account.level >= 2,
})

/**
 * Turns web login by QR code on or off. Turning it on opens a new way in, so it needs a fresh step-up;
 * turning it off never does. Each change goes to the holder's history.
 */
export const setWebQrLogin = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  s: CurrentSession,
  on: boolean,
  client: Client,
): Promise<AccountSettings> => {
  if (on && s.account.level < 2) fail(SETTINGS.LEVEL2_REQUIRED)
  if (on) await requireStepUp(deps, s)
  await deps.db.transaction().execute(async (trx) => {
    await saveWebQrLogin(trx, s.account.id, on, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor: s.account.subject_id,
      actorKind: 'citizen',
      action: on ? 'accounts.web_qr_login.enabled' : 'accounts.web_qr_login.disabled',
      subject: s.account.subject_id,
      subjectKind: s.account.subject_kind,
      purpose: 'account_settings',
      data: { ip: client.ip, sessionId: s.sessionId },
      requestId: client.requestId ?? null,
    })
  })
  return { webQrLogin: on && s.account.level >= 2, webQrLoginAvailable: s.account.level >= 2 }
}

/** What the OpenID provider asks before a QR approval: a level 2 account whose holder turned it on. */
export const mayApproveWebQrLogin = async (deps: Pick<Deps, 'db'>, account: AccountRow) =>
  account.status === 'active' && account.level >= 2 && (await webQrLoginOf(deps.db, account.id))
