// The verifier's memory of presentations it accepted, to refuse the same QR twice within its validity.

import { base64urlEncode } from './bytes.js'

/** A store of presentation keys; `firstSeen` records and answers in one step (check-then-set would race). */
export interface SeenStore {
  /** true the first time `key` is offered before `until`; false if it was recorded and has not expired. */
  firstSeen(key: string, until: Date, now: Date): boolean | Promise<boolean>
}

/**
 * In memory, for one verifier device or process: entries live until their QR could no longer be accepted
 * anyway (its time plus the maximum age), so memory stays at (scans per minute) entries.
 */
export const memorySeenStore = (): SeenStore & { size(): number } => {
  const entries = new Map<string, number>()
  let nextSweep = 0
  return {
    firstSeen(key, until, now) {
      const t = now.getTime()
      if (t >= nextSweep) {
        for (const [k, exp] of entries) if (exp <= t) entries.delete(k)
        nextSweep = t + 10_000
      }
      const exp = entries.get(key)
      if (exp !== undefined && exp > t) return false
      entries.set(key, until.getTime())
      return true
    },
    size: () => entries.size,
  }
}

/**
 * What a shared store keeps for a presentation key: base64url(SHA-256(UTF-8 key)), 43 characters. Every
 * scanner derives the same digest from the same QR; the key holds the QR's random nonce, so the digest tells
 * the store nothing about the credential or its holder.
 */
export const seenKeyDigest = async (key: string) =>
  base64urlEncode(
    new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))),
  )

/** A shared store's answer: recorded now, or recorded before (by any scanner of the same verifier). */
export type SharedSeenAnswer = 'first_seen' | 'replay'

/**
 * A verifier's scanners sharing one replay memory through a server (`record`, e.g. a POST to
 * /api/v1/verifier/presentations/seen), in front of the device's own store: a QR this device has seen is
 * refused without asking; otherwise the shared store decides, and when it cannot answer (offline, refused)
 * the device's answer stands. `onAnswer` learns which store decided, for the verifier's screen.
 */
export const sharedSeenStore = (
  record: (digest: string, until: Date) => Promise<SharedSeenAnswer>,
  local: SeenStore,
  onAnswer?: (by: 'shared' | 'local', error?: unknown) => void,
): SeenStore => ({
  async firstSeen(key, until, now) {
    if (!(await local.firstSeen(key, until, now))) {
      onAnswer?.('local')
      return false
    }
    let answer: SharedSeenAnswer
    try {
      answer = await record(await seenKeyDigest(key), until)
    } catch (e) {
      onAnswer?.('local', e)
      return true
    }
    onAnswer?.('shared')
    return answer === 'first_seen'
  },
})
