/** Something that keeps clients and must forget one when it changes (`''`: all of them may have). */
export type ClientDropper = { drop(clientId: string): void }

// Every client cache of this process (clients.cache.ts), held weakly: a closed app's cache goes with it.
const live = new Set<WeakRef<ClientDropper>>()

export const registerClientCache = (cache: ClientDropper) => {
  live.add(new WeakRef(cache))
}

/**
 * Called by every writer of oidc_client in this process: its caches forget the row at once rather than
 * when the database's announcement arrives, so a request that follows the write here never sees the old
 * row. Other processes hear the announcement (clients.cache.migration.ts).
 */
export const clientChanged = (clientId: string) => {
  for (const ref of live) {
    const cache = ref.deref()
    if (cache) cache.drop(clientId)
    else live.delete(ref)
  }
}
