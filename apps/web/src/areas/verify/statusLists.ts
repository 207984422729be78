import { readStatusList, type ShareKeyJwk, type StatusList } from '@dinhdanh/vn-share'
import { base64url } from '../share/holderProof'

// The issuer's status lists (revocation), fetched while online and remembered in localStorage until they
// expire, so that a revoked credential is refused offline too, as far as the last list fetched knows.
// Online, a list older than its `ttl` is fetched again: a revocation reaches the page within minutes.

const STORAGE_KEY = 'dinhdanh.verify.statusLists'
type Stored = {
  listId: number
  uri: string
  bits: string
  expiresAt: string
  ttlSeconds: number
  fetchedAt?: string
}

/** A list as remembered, with when this page fetched it. */
export type RememberedList = StatusList & { fetchedAt: Date }

/** Past its `ttl` since it was fetched: fetch it again when the network allows (keep it meanwhile). */
export const isStale = (list: RememberedList, now: Date) =>
  list.fetchedAt.getTime() + list.ttlSeconds * 1000 <= now.getTime()

const fromBase64url = (s: string) =>
  Uint8Array.from(atob(s.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0))

/** The remembered lists still in force at `now`; anything unreadable is dropped. */
export const parseStoredLists = (stored: string | null, now: Date): RememberedList[] => {
  try {
    const rows = JSON.parse(stored ?? '[]') as Stored[]
    if (!Array.isArray(rows)) return []
    return rows
      .filter((r) => Number.isSafeInteger(r.listId) && Date.parse(r.expiresAt) > now.getTime())
      .map((r) => ({
        listId: r.listId,
        uri: r.uri,
        bits: fromBase64url(r.bits),
        expiresAt: new Date(r.expiresAt),
        ttlSeconds: r.ttlSeconds,
        // A list remembered before fetchedAt was kept counts as stale.
        fetchedAt: new Date(r.fetchedAt ?? 0),
      }))
  } catch {
    return []
  }
}

export const storedStatusLists = (now: Date): RememberedList[] => {
  try {
    return parseStoredLists(localStorage.getItem(STORAGE_KEY), now)
  } catch {
    return []
  }
}

const remember = (list: StatusList, now: Date) => {
  const others = storedStatusLists(now).filter((l) => l.listId !== list.listId)
  const rows: Stored[] = [...others, { ...list, fetchedAt: now }].map((l) => ({
    listId: l.listId,
    uri: l.uri,
    bits: base64url(l.bits),
    expiresAt: l.expiresAt.toISOString(),
    ttlSeconds: l.ttlSeconds,
    fetchedAt: l.fetchedAt.toISOString(),
  }))
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(rows))
  } catch {
    // Storage full or off: the list serves this check only.
  }
}

/** Fetches one list and checks its signature with the issuer's SD-JWT VC keys; null when not possible. */
export const fetchStatusList = async (listId: number, now: Date): Promise<StatusList | null> => {
  const [meta, jwt] = await Promise.all([
    fetch('/.well-known/jwt-vc-issuer', { credentials: 'omit' }).then((r) => (r.ok ? r.json() : null)),
    // Asked for when ours is missing or past its ttl: the HTTP cache's copy is no newer, so revalidate.
    fetch(`/api/v1/credentials/status-lists/${listId}`, { credentials: 'omit', cache: 'no-cache' }).then(
      (r) => (r.ok ? r.text() : null),
    ),
  ])
  const keys = (meta as { jwks?: { keys?: ShareKeyJwk[] } } | null)?.jwks?.keys
  if (!jwt || !Array.isArray(keys)) return null
  const read = await readStatusList(jwt, keys, now)
  if (!read.ok || read.list.listId !== listId) return null
  remember(read.list, now)
  return read.list
}
