// The verifier's memory of presentations it accepted, to refuse the same QR twice within its validity.

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
