import { type Adapter, type AdapterPayload, errors } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { findPayloadCoalesced } from './adapter.coalesce.js'
import { forgetAhead, takeAhead } from './adapter.prefetch.js'
import {
  consumePayload,
  destroyPayload,
  findPayloadByUid,
  findPayloadByUserCode,
  grantOf,
  revokeModelByGrant,
  revokeWholeGrant,
  upsertPayload,
} from './adapter.repository.js'
import type { StoredPayload } from './oidc.table.js'

type AdapterDeps = Pick<Deps, 'db' | 'clock'>

const text = (v: unknown) => (typeof v === 'string' && v ? v : null)

const toPayload = (row: { payload: StoredPayload; consumed_at: Date | null } | undefined) => {
  if (!row) return undefined
  const payload: AdapterPayload = { ...row.payload }
  // oidc-provider reads `consumed` (epoch seconds) to tell a used code or token from a fresh one.
  if (row.consumed_at) payload.consumed = Math.floor(new Date(row.consumed_at).getTime() / 1000)
  return payload
}

/**
 * oidc-provider's storage contract over one PostgreSQL table (oidc_payload), for every model it stores
 * but clients. Expiry follows the platform clock; expired rows are invisible at once and deleted later.
 */
export const payloadAdapter = (deps: AdapterDeps, model: string): Adapter => ({
  async upsert(id, payload, expiresIn) {
    forgetAhead(model)
    const now = deps.clock.now()
    const { consumed: _consumed, ...rest } = payload
    await upsertPayload(deps.db, {
      model,
      id,
      payload: JSON.stringify(rest),
      grant_id: text(payload.grantId),
      uid: text(payload.uid),
      user_code: text(payload.userCode),
      expires_at: expiresIn ? new Date(now.getTime() + expiresIn * 1000) : null,
    })
  },
  async find(id) {
    const ahead = takeAhead(model, 'id', id)
    if (ahead !== undefined) return toPayload(ahead ?? undefined)
    return toPayload(await findPayloadCoalesced(deps.db, model, id, deps.clock.now()))
  },
  async findByUid(uid) {
    const ahead = takeAhead(model, 'uid', uid)
    if (ahead !== undefined) return toPayload(ahead ?? undefined)
    return toPayload(await findPayloadByUid(deps.db, model, uid, deps.clock.now()))
  },
  async findByUserCode(userCode) {
    return toPayload(await findPayloadByUserCode(deps.db, model, userCode, deps.clock.now()))
  },
  async consume(id) {
    forgetAhead(model)
    if (await consumePayload(deps.db, model, id, deps.clock.now())) return
    // Lost the race to another request with the same code or token: refuse, and revoke what it opened.
    const grantId = await grantOf(deps.db, model, id)
    if (grantId) await revokeWholeGrant(deps.db, grantId)
    throw new errors.InvalidGrant({ detail: `${model} was already used` })
  },
  async destroy(id) {
    forgetAhead(model)
    await destroyPayload(deps.db, model, id)
  },
  async revokeByGrantId(grantId) {
    forgetAhead(model)
    await revokeModelByGrant(deps.db, model, grantId)
  },
})
