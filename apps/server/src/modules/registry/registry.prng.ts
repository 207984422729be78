// A small seeded PRNG (mulberry32) so a synthetic population is the same for the same seed, everywhere.
export type Rng = {
  next(): number
  int(n: number): number
  chance(p: number): boolean
  pick<T>(xs: readonly T[]): T
}

// FNV-1a: a string seed to 32 bits.
export const hash32 = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

export const createRng = (seed: string): Rng => {
  let a = hash32(seed)
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T,
  }
}

/** A weighted choice table: built once, sampled in O(log n). */
export type Weighted<T> = { values: readonly T[]; cumulative: readonly number[] }

export const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): Weighted<T> => {
  let sum = 0
  const cumulative = entries.map(([, w]) => {
    sum += w
    return sum
  })
  return { values: entries.map(([v]) => v), cumulative: cumulative.map((c) => c / sum) }
}

export const sample = <T>(rng: Rng, table: Weighted<T>): T => {
  const x = rng.next()
  let lo = 0
  let hi = table.cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((table.cumulative[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return table.values[lo] as T
}

/**
 * Unique numbers without remembering them: the n-th number of a key is (a·n + b) mod size, a bijection
 * when a is coprime with size, so serials look random yet never repeat.
 */
export const serialAllocator = (seed: string, size: number, multiplier: number) => {
  const counters = new Map<string, number>()
  return (key: string): number => {
    const n = counters.get(key) ?? 0
    counters.set(key, n + 1)
    const offset = hash32(`${seed}/${key}`) % size
    // Exact in doubles while multiplier·n stays below 2^53 (it does for any realistic population).
    return (multiplier * n + offset) % size
  }
}
