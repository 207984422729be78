/** A count for every key, zero to start with, so an answer always lists each state or kind. */
export const zeroCounts = <K extends string>(keys: readonly K[]): Record<K, number> => {
  // Every key of K is set by the loop below, which the compiler cannot follow.
  const out = {} as Record<K, number>
  for (const k of keys) out[k] = 0
  return out
}

export const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
