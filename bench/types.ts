/** One measured figure; `ops` is per second (lookups, rows, matches), targets are minimums unless said. */
export type BenchResult = {
  name: string
  /** Where it ran: 'pglite', 'postgres', or an in-process engine ('node', 'wasm'). */
  engine: string
  ops: number
  p50ms?: number
  p99ms?: number
  count: number
  seconds: number
  peakRssMb?: number
  /** Minimum ops/s. */
  target?: number
  /** Maximum p50 latency in ms. */
  targetP50ms?: number
  /** Maximum p99 latency in ms. */
  targetP99ms?: number
  /** Anything else worth keeping in docs/benchmarks.json (distributions, rates, lag). */
  extra?: Record<string, unknown>
}

export type BenchSection = {
  /** The name `--only` selects, e.g. 'registry'. */
  id: string
  title: string
  /** What each result name measures, for the table. */
  describe: Record<string, string>
  run(opts: { quick: boolean; databaseUrl: string; log: (line: string) => void }): Promise<BenchResult[]>
  /** Markdown under the section's table: how it was measured, what the figures mean. */
  notes(results: BenchResult[], quick: boolean): string
}
