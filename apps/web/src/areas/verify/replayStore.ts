import { memorySeenStore, type SharedSeenAnswer, sharedSeenStore } from '@dinhdanh/vn-share'
import { type VerifierCredentials, verifierPaths, verifierPost } from './verifierClient'

// This device's memory for the page's life (and across visits within the tab): a QR accepted once is refused after.
const deviceSeen = memorySeenStore()

/**
 * Which replay store decided: the verifier's shared one (all its scanners), or this device's own; `shared`
 * whether a shared one was there to ask, `sharedError` why it could not answer.
 */
export type ReplayCheck = { store: 'shared' | 'device'; shared: boolean; sharedError?: string }

/** The line the page shows about it (verify.replay.*). */
export const replayNote = (r: ReplayCheck) =>
  r.store === 'shared'
    ? 'shared'
    : !r.shared
      ? 'deviceOnly'
      : r.sharedError === undefined
        ? 'seenHere'
        : 'unreachable'

/**
 * The replay store of one verification: with the verifier's client credentials entered, the verifier's store
 * on the server (POST /api/v1/verifier/presentations/seen: a QR seen by another of its scanners is a replay)
 * behind this device's own; without them, or when the server cannot answer (offline), this device's alone.
 * `used` says afterwards which one decided.
 */
export const replayStoreFor = (verifier: VerifierCredentials | null) => {
  const used: ReplayCheck = { store: 'device', shared: verifier !== null }
  if (!verifier) return { seen: deviceSeen, used }
  const record = async (presentation: string, until: Date) =>
    (
      await verifierPost<{ status: SharedSeenAnswer }>(verifier, verifierPaths.seen, {
        presentation,
        until: until.toISOString(),
      })
    ).status
  const seen = sharedSeenStore(record, deviceSeen, (by, error) => {
    used.store = by === 'shared' ? 'shared' : 'device'
    if (error !== undefined) used.sharedError = error instanceof Error ? error.message : String(error)
  })
  return { seen, used }
}
