import Provider from 'oidc-provider'
import type { StoredPayload } from './oidc.table.js'

export type PayloadRow = { payload: StoredPayload; consumed_at: Date | null }
type Lookup = 'id' | 'uid'

// Rows read ahead during one provider request (oidc-provider's AsyncLocalStorage context), dropped with it.
const perRequest = new WeakMap<object, Map<string, PayloadRow | null>>()

const keyOf = (model: string, by: Lookup, key: string) => `${model}\u0000${by}\u0000${key}`

/**
 * Keeps rows read together with a token (its grant, its session) for the finds that follow in the same
 * provider request: oidc-provider looks a token up, then its session, then its grant, three statements
 * where one does. `null` records a row that was looked for and is not there (or expired).
 */
export const rememberAhead = (
  rows: ReadonlyArray<[model: string, by: Lookup, key: string, PayloadRow | null]>,
) => {
  const ctx = Provider.ctx
  if (!ctx || rows.length === 0) return
  let ahead = perRequest.get(ctx)
  if (!ahead) {
    ahead = new Map()
    perRequest.set(ctx, ahead)
  }
  for (const [model, by, key, row] of rows) ahead.set(keyOf(model, by, key), row)
}

/**
 * A row read ahead in this request, once: `undefined` when none was (the caller then reads it), `null`
 * when it was looked for and not found. Taken rows are forgotten, so a second find reads the table again.
 */
export const takeAhead = (model: string, by: Lookup, key: string): PayloadRow | null | undefined => {
  const ctx = Provider.ctx
  const ahead = ctx ? perRequest.get(ctx) : undefined
  if (!ahead) return undefined
  const k = keyOf(model, by, key)
  const row = ahead.get(k)
  ahead.delete(k)
  return row
}

/** This request wrote a row of `model`: what was read ahead of that model may be stale, forget it. */
export const forgetAhead = (model: string) => {
  const ctx = Provider.ctx
  const ahead = ctx ? perRequest.get(ctx) : undefined
  if (!ahead) return
  const prefix = `${model}\u0000`
  for (const k of ahead.keys()) if (k.startsWith(prefix)) ahead.delete(k)
}
