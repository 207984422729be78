import type { Deps } from '../../deps.js'
import type { Notifications } from '../../platform/db.notifications.js'
import { CLIENT_CHANNEL } from './clients.cache.migration.js'
import { type ClientDropper, registerClientCache } from './clients.changes.js'
import { findClient } from './clients.repository.js'
import type { ClientRow } from './oidc.table.js'

type CacheDeps = Pick<Deps, 'db' | 'notifications'>

type ClientCache = ClientDropper & { get(clientId: string): Promise<ClientRow | undefined> }

// A bound on memory, far above the number of relying parties a deployment has.
const MAX_ROWS = 10_000

const createCache = (deps: CacheDeps): ClientCache => {
  const rows = new Map<string, Promise<ClientRow | undefined>>()
  const changes = new Map<string, number>()
  let epoch = 0
  let listening = false
  let started = false

  const drop = (clientId: string) => {
    if (clientId === '') {
      epoch++
      rows.clear()
      changes.clear()
      return
    }
    rows.delete(clientId)
    changes.set(clientId, (changes.get(clientId) ?? 0) + 1)
  }

  const start = () => {
    started = true
    void deps.notifications
      .listen(CLIENT_CHANNEL, {
        message: drop,
        // Notifications may have been missed while not listening: nothing cached is trusted across it.
        state: (on) => {
          listening = on
          drop('')
        },
      })
      .catch(() => {
        listening = false
      })
  }

  return {
    drop,
    get(clientId) {
      if (!started) start()
      if (!listening) return findClient(deps.db, clientId)
      const cached = rows.get(clientId)
      if (cached) return cached
      if (rows.size >= MAX_ROWS) drop('')
      const [atEpoch, atChange] = [epoch, changes.get(clientId)]
      const read = findClient(deps.db, clientId)
      rows.set(clientId, read)
      // A change heard while the row was being read: the row may predate it, so it is not kept.
      const settle = () => {
        if (epoch !== atEpoch || changes.get(clientId) !== atChange) {
          if (rows.get(clientId) === read) rows.delete(clientId)
        }
      }
      read.then(settle, () => {
        if (rows.get(clientId) === read) rows.delete(clientId)
      })
      return read
    },
  }
}

const caches = new WeakMap<Notifications, ClientCache>()

const cacheOf = (deps: CacheDeps) => {
  let cache = caches.get(deps.notifications)
  if (!cache) {
    cache = createCache(deps)
    caches.set(deps.notifications, cache)
    registerClientCache(cache)
  }
  return cache
}

/**
 * A client's row, kept in this process until the database announces a change of it (a trigger on
 * oidc_client notifies every process, whoever wrote; writers here also call clientChanged). While the
 * announcements cannot be heard (the listening connection is down, or not yet up) every lookup reads the
 * table: a suspension takes effect as soon as it is committed and announced, within milliseconds on every
 * instance, and at once on the instance that wrote it.
 */
export const cachedClient = (deps: CacheDeps, clientId: string) => cacheOf(deps).get(clientId)
