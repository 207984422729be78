import type { Deps } from '../../deps.js'
import { backoffDelay } from '../../platform/notify/index.js'
import type { OidcRuntime } from './oidc.provider.js'
import { claimDueDeliveries, markDelivered, markGivenUp, markRetry } from './session-end.repository.js'
import type { LogoutDeliveryRow } from './session-end.table.js'

export type DeliveryDeps = Pick<Deps, 'db' | 'clock' | 'log'>

export type DeliveryOptions = {
  batchSize?: number
  backoffBaseMs?: number
  backoffMaxMs?: number
  /** How long a claim lasts: an instance that dies mid-send has its rows sent again after this. */
  leaseMs?: number
  /** Injectable for tests: the jitter source in [0, 1). */
  random?: () => number
}

const DEFAULTS = {
  batchSize: 10,
  backoffBaseMs: 15_000,
  backoffMaxMs: 15 * 60_000,
  leaseMs: 60_000,
  random: Math.random,
} satisfies Required<DeliveryOptions>

type Outcome = 'sent' | 'retried' | 'failed'

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

// The provider's own logout token (models/client.js), which its typings leave out of Client.
type BackchannelClient = {
  backchannelLogoutUri?: string
  backchannelLogout(sub: string, sid: string): Promise<void>
}
const canLogOut = (c: object | undefined): c is BackchannelClient =>
  !!c && 'backchannelLogout' in c && typeof c.backchannelLogout === 'function'

/** Signs a fresh logout token (the provider's own: iss, aud, iat, exp, jti, events, sub, sid) and posts it. */
const send = async (runtime: OidcRuntime, row: LogoutDeliveryRow) => {
  const { provider } = await runtime.current()
  const client = await provider.Client.find(row.client_id)
  if (!canLogOut(client) || !client.backchannelLogoutUri)
    return { ok: false as const, permanent: true, error: 'client gone or without a back-channel endpoint' }
  try {
    await client.backchannelLogout(row.account_id, row.sid)
    return { ok: true as const }
  } catch (e) {
    return { ok: false as const, permanent: false, error: errorText(e) }
  }
}

const deliver = async (
  deps: DeliveryDeps,
  runtime: OidcRuntime,
  row: LogoutDeliveryRow,
  o: Required<DeliveryOptions>,
): Promise<Outcome> => {
  const result = await send(runtime, row).catch((e: unknown) => ({
    ok: false as const,
    permanent: false,
    error: errorText(e),
  }))
  const now = deps.clock.now()
  const log = { deliveryId: row.id, clientId: row.client_id, sid: row.sid, attempts: row.attempts }
  if (result.ok) {
    await markDelivered(deps.db, row, now)
    deps.log.info(log, 'oidc back-channel logout delivered')
    return 'sent'
  }
  const next = new Date(now.getTime() + backoffDelay(row.attempts, o))
  if (result.permanent || next >= new Date(row.give_up_at)) {
    deps.log.warn({ ...log, error: result.error }, 'oidc back-channel logout given up')
    await markGivenUp(deps.db, row, result.error)
    return 'failed'
  }
  deps.log.warn({ ...log, error: result.error, next }, 'oidc back-channel logout failed, will retry')
  await markRetry(deps.db, row, next, result.error)
  return 'retried'
}

/** Sends every logout token due now, batch by batch, and says what happened. */
export const deliverDueLogouts = async (
  deps: DeliveryDeps,
  runtime: OidcRuntime,
  opts: DeliveryOptions = {},
) => {
  const o = { ...DEFAULTS, ...opts }
  const total: Record<Outcome, number> = { sent: 0, retried: 0, failed: 0 }
  for (;;) {
    const now = deps.clock.now()
    const rows = await claimDueDeliveries(deps.db, now, new Date(now.getTime() + o.leaseMs), o.batchSize)
    for (const outcome of await Promise.all(rows.map((r) => deliver(deps, runtime, r, o)))) total[outcome]++
    if (rows.length < o.batchSize) break
  }
  return total
}
