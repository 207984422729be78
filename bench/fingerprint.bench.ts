import { pathToFileURL } from 'node:url'
import {
  FINGERPRINT_THRESHOLD,
  generateFinger,
  matchFingerprints,
  type PreparedTemplate,
  prepareTemplate,
  type RecaptureOptions,
  recapture,
} from '../apps/server/src/modules/biometrics/fingerprint/index.js'
import type { BenchResult } from './types.js'

/** BenchResult with accuracy figures; `engine` is 'node': in-process, one thread, no database. */
export type FingerprintBenchResult = Omit<BenchResult, 'engine'> & {
  engine: 'node'
  threshold?: number
  /** False match rate and false non-match rate at the threshold, as fractions. */
  fmr?: number
  fnmr?: number
  genuinePairs?: number
  impostorPairs?: number
  genuineScores?: { min: number; p1: number; p5: number; p50: number }
  impostorScores?: { p50: number; p99: number; p999: number; max: number }
}

export type FingerprintBenchOptions = {
  /** Synthetic fingers, each captured twice (default 1,000). */
  fingers?: number
  /** Other fingers each capture is compared with (default 10). */
  impostorsPerFinger?: number
  /** 1:1 comparisons timed for the speed figure (default 20,000). */
  speedMatches?: number
  threshold?: number
  seed?: string
  /** Capture noise; the defaults of `recapture` otherwise. */
  noise?: RecaptureOptions
  log?: (line: string) => void
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits))
const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T

const timed = <T>(work: () => T): [T, number] => {
  const t0 = performance.now()
  const out = work()
  return [out, (performance.now() - t0) / 1000]
}

/** Accuracy (FMR, FNMR at the threshold) and speed of the minutiae matcher on synthetic fingers. */
export const runFingerprintBench = (opts: FingerprintBenchOptions = {}): FingerprintBenchResult[] => {
  const log = opts.log ?? (() => {})
  const n = opts.fingers ?? 1000
  const others = Math.min(opts.impostorsPerFinger ?? 10, n - 1)
  const threshold = opts.threshold ?? FINGERPRINT_THRESHOLD
  const seed = opts.seed ?? 'bench'
  log(`  fingerprint: generating ${n} fingers, two captures each`)
  const fingers = Array.from({ length: n }, (_, i) => generateFinger(`${seed}/${i}`))
  const captures = fingers.flatMap((f, i) => [
    recapture(f, `${seed}/${i}/a`, opts.noise),
    recapture(f, `${seed}/${i}/b`, opts.noise),
  ])
  const [prepared, prepareSeconds] = timed(() => captures.map(prepareTemplate))
  const first = prepared.filter((_, k) => k % 2 === 0)
  const second = prepared.filter((_, k) => k % 2 === 1)

  log(`  fingerprint: ${n} genuine and ${n * others} impostor comparisons`)
  const [scores, accuracySeconds] = timed(() => ({
    genuine: first.map((a, i) => matchFingerprints(a, at(second, i), { threshold }).score),
    // Impostors: a stride coprime with nothing in particular, so every finger meets varied others.
    impostor: first.flatMap((a, i) =>
      Array.from(
        { length: others },
        (_, k) => matchFingerprints(a, at(second, i + 1 + k * 7), { threshold }).score,
      ),
    ),
  }))
  const genuine = [...scores.genuine].sort((a, b) => a - b)
  const impostor = [...scores.impostor].sort((a, b) => a - b)

  const speedMatches = opts.speedMatches ?? 20_000
  const latencies: number[] = []
  const pairs: [PreparedTemplate, PreparedTemplate][] = Array.from({ length: 1000 }, (_, k) => [
    at(first, k * 13),
    at(second, k * 13 + 1 + (k % 5)),
  ])
  for (const [a, b] of pairs.slice(0, 200)) matchFingerprints(a, b) // warm-up
  const [, speedSeconds] = timed(() => {
    for (let k = 0; k < speedMatches; k++) {
      const [a, b] = at(pairs, k)
      const s = performance.now()
      matchFingerprints(a, b)
      latencies.push(performance.now() - s)
    }
  })
  latencies.sort((a, b) => a - b)
  const meanMinutiae = captures.reduce((s, c) => s + c.minutiae.length, 0) / captures.length
  log(`  fingerprint: ${round(meanMinutiae, 1)} minutiae a capture on average`)

  return [
    {
      name: 'fingerprint.prepare',
      engine: 'node',
      ops: round(captures.length / prepareSeconds, 0),
      count: captures.length,
      seconds: round(prepareSeconds),
    },
    {
      name: 'fingerprint.match',
      engine: 'node',
      ops: round(speedMatches / speedSeconds, 0),
      p50ms: round(quantile(latencies, 0.5), 3),
      p99ms: round(quantile(latencies, 0.99), 3),
      count: speedMatches,
      seconds: round(speedSeconds),
      target: 3000,
    },
    {
      name: 'fingerprint.accuracy',
      engine: 'node',
      ops: round((genuine.length + impostor.length) / accuracySeconds, 0),
      count: genuine.length + impostor.length,
      seconds: round(accuracySeconds),
      threshold,
      ...(impostor.length ? { fmr: impostor.filter((s) => s >= threshold).length / impostor.length } : {}),
      ...(genuine.length ? { fnmr: genuine.filter((s) => s < threshold).length / genuine.length } : {}),
      genuinePairs: genuine.length,
      impostorPairs: impostor.length,
      genuineScores: {
        min: round(quantile(genuine, 0), 3),
        p1: round(quantile(genuine, 0.01), 3),
        p5: round(quantile(genuine, 0.05), 3),
        p50: round(quantile(genuine, 0.5), 3),
      },
      impostorScores: {
        p50: round(quantile(impostor, 0.5), 3),
        p99: round(quantile(impostor, 0.99), 3),
        p999: round(quantile(impostor, 0.999), 3),
        max: round(quantile(impostor, 1), 3),
      },
    },
  ]
}

// `npx tsx bench/fingerprint.bench.ts [fingers] [impostorsPerFinger]` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [fingers, impostorsPerFinger] = process.argv.slice(2).map(Number)
  const results = runFingerprintBench({
    ...(fingers ? { fingers } : {}),
    ...(impostorsPerFinger ? { impostorsPerFinger } : {}),
    log: (l) => console.error(l),
  })
  console.table(results.map(({ genuineScores, impostorScores, ...r }) => r))
  for (const r of results)
    if (r.genuineScores) console.log('genuine scores', r.genuineScores, 'impostor scores', r.impostorScores)
}
