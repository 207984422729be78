import type { Db } from '../../database.js'
import { type PayloadRow, rememberAhead } from './adapter.prefetch.js'
import {
  findPayload,
  findPayloadsById,
  findWithRelated,
  GRANT_BOUND,
  type RelatedRow,
} from './adapter.repository.js'

type Row = PayloadRow & { model: string }
type Batch = { models: string[]; rows: Promise<Row[]> }

// Open batches per database handle and id, each living until the microtask that runs it.
const open = new WeakMap<Db, Map<string, Batch>>()

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined)

/** Keeps the grant and session each found token names for the rest of the provider request. */
const keepRelated = (rows: RelatedRow[]) => {
  const own = rows.filter((r) => r.rel === 'own')
  const related = (rel: 'grant' | 'session', key: string) =>
    rows.find((r) => r.rel === rel && r.key === key) ?? null
  const ahead: Array<[string, 'id' | 'uid', string, PayloadRow | null]> = []
  for (const { payload } of own) {
    const grantId = text(payload.grantId)
    const sessionUid = text(payload.sessionUid)
    if (grantId) ahead.push(['Grant', 'id', grantId, related('grant', grantId)])
    if (sessionUid) ahead.push(['Session', 'uid', sessionUid, related('session', sessionUid)])
  }
  rememberAhead(ahead)
  return own
}

const runBatch = async (db: Db, models: string[], id: string, now: Date): Promise<Row[]> => {
  if (models.some((m) => GRANT_BOUND.has(m))) return keepRelated(await findWithRelated(db, models, id, now))
  if (models.length > 1) return findPayloadsById(db, models, id, now)
  const [model] = models as [string]
  const row = await findPayload(db, model, id, now)
  return row ? [row] : []
}

/**
 * Finds a model instance by id, sharing one statement with the finds of other models for the same id
 * started in the same tick: oidc-provider looks an access token up as an AccessToken and as a
 * ClientCredentials token at once (introspection, userinfo), two statements where one does. A token that
 * names a grant and a session brings them along (adapter.prefetch.ts). Each caller gets exactly the row
 * its own find would have returned.
 */
export const findPayloadCoalesced = async (
  db: Db,
  model: string,
  id: string,
  now: Date,
): Promise<PayloadRow | undefined> => {
  let batches = open.get(db)
  if (!batches) {
    batches = new Map()
    open.set(db, batches)
  }
  let batch = batches.get(id)
  if (!batch) {
    const models: string[] = []
    const ids = batches
    const rows = Promise.resolve().then(() => {
      ids.delete(id)
      return runBatch(db, models, id, now)
    })
    batch = { models, rows }
    batches.set(id, batch)
  }
  batch.models.push(model)
  return (await batch.rows).find((r) => r.model === model)
}
