import type { Db } from '../../database.js'
import { findPayload, findPayloadsById } from './adapter.repository.js'
import type { StoredPayload } from './oidc.table.js'

type Row = { payload: StoredPayload; consumed_at: Date | null }
type Batch = { models: string[]; rows: Promise<Array<Row & { model: string }>> }

// Open batches per database handle and id, each living until the microtask that runs it.
const open = new WeakMap<Db, Map<string, Batch>>()

/**
 * Finds a model instance by id, sharing one statement with the finds of other models for the same id
 * started in the same tick: oidc-provider looks an access token up as an AccessToken and as a
 * ClientCredentials token at once (introspection, userinfo), two statements where one does. Each caller
 * gets exactly the row its own find would have returned.
 */
export const findPayloadCoalesced = async (
  db: Db,
  model: string,
  id: string,
  now: Date,
): Promise<Row | undefined> => {
  let batches = open.get(db)
  if (!batches) {
    batches = new Map()
    open.set(db, batches)
  }
  let batch = batches.get(id)
  if (!batch) {
    const models: string[] = []
    const ids = batches
    const rows = Promise.resolve().then(async () => {
      ids.delete(id)
      if (models.length > 1) return findPayloadsById(db, models, id, now)
      const row = await findPayload(db, model, id, now)
      return row ? [row] : []
    })
    batch = { models, rows }
    batches.set(id, batch)
  }
  batch.models.push(model)
  return (await batch.rows).find((r) => r.model === model)
}
