// Status lists kept per URI while fresh, shared by the SD-JWT VC and mdoc verifiers (each with its own errors).

/** What the cache needs of an opened list: its ttl (seconds, already defaulted) and exp (epoch seconds). */
export type FreshList = { ttl: number; exp?: number | undefined }

/**
 * A status list cache: `get(uri, now, skew)` returns the list fetched for `uri` while `fetchedAt <= now <
 * min(fetchedAt + ttl, exp + skew)`, else fetches and opens it again; when that fails, `get` fails (no stale
 * list is used). Concurrent callers needing the same list share one fetch. `Now` is the caller's clock
 * (a Date, or epoch seconds); `seconds` turns it into epoch seconds for the freshness window.
 */
export const freshListCache = <Token, L extends FreshList, Now>(source: {
  fetchList: (uri: string) => Promise<Token>
  /** Throws the caller's own "unavailable" error: the list could not be fetched. */
  unavailable: (message: string) => never
  /** Verifies the fetched token (throwing the caller's own errors) and returns the list. */
  open: (token: Token, uri: string, now: Now, skew: number) => L
  seconds: (now: Now) => number
}) => {
  const lists = new Map<string, L & { fetchedAt: number; freshUntil: number }>()
  const fetching = new Map<string, Promise<L>>()

  const refresh = (uri: string, now: Now, skew: number) => {
    const pending = fetching.get(uri)
    if (pending) return pending
    const next = (async () => {
      let token: Token
      try {
        token = await source.fetchList(uri)
      } catch (e) {
        return source.unavailable(`status list ${uri} could not be fetched: ${(e as Error).message}`)
      }
      const list = source.open(token, uri, now, skew)
      const t = source.seconds(now)
      const exp = list.exp === undefined ? Number.POSITIVE_INFINITY : list.exp + skew
      lists.set(uri, { ...list, fetchedAt: t, freshUntil: Math.min(t + list.ttl, exp) })
      return list
    })().finally(() => fetching.delete(uri))
    fetching.set(uri, next)
    return next
  }

  return {
    /** The list at `uri`, as fetched at or before `now` and still fresh, or fetched now. */
    async get(uri: string, now: Now, skew: number): Promise<L> {
      const t = source.seconds(now)
      const cached = lists.get(uri)
      return cached && cached.fetchedAt <= t && t < cached.freshUntil ? cached : refresh(uri, now, skew)
    },
  }
}
