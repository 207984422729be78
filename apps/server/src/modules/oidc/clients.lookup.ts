import Provider from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { cachedClient } from './clients.cache.js'
import type { ClientRow } from './oidc.table.js'

type Rows = Map<string, Promise<ClientRow | undefined>>

// Per provider request (oidc-provider keeps its context in AsyncLocalStorage), dropped with the request.
const perRequest = new WeakMap<object, Rows>()

/**
 * A client's row, taken at most once per provider request: the client adapter and the level checks of one
 * authorization request share it (they used to read it four times). It comes from the process's client
 * cache (clients.cache.ts), which drops a row as soon as the database announces its change, so a
 * suspension still takes effect on the next request.
 */
export const clientRowOnce = (
  deps: Pick<Deps, 'db' | 'notifications'>,
  clientId: string,
): Promise<ClientRow | undefined> => {
  const ctx = Provider.ctx
  if (!ctx) return cachedClient(deps, clientId)
  let rows = perRequest.get(ctx)
  if (!rows) {
    rows = new Map()
    perRequest.set(ctx, rows)
  }
  let row = rows.get(clientId)
  if (!row) {
    row = cachedClient(deps, clientId)
    rows.set(clientId, row)
  }
  return row
}
