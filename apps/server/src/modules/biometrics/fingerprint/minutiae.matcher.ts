// A 1:1 minutiae matcher: local structures vote for candidate minutia pairs (invariant to rotation and
// translation), the best few each give an alignment, refined by least squares, and the score counts the
// minutiae that pair one-to-one under the best alignment, each weighted by how closely it agrees.
// Tolerant of missing and spurious minutiae.
import type { FingerTemplate } from './fingerprint.types.js'
import { fitTransform, pairingScratch, pairMinutiae, type Tolerance } from './minutiae.align.js'
import {
  BUCKET_WIDTH,
  BUCKETS,
  NEIGHBOURS,
  type PreparedTemplate,
  prepareTemplate,
  wrap,
} from './minutiae.prepare.js'

const DEG = Math.PI / 180

export type MatcherOptions = {
  /** Tolerances for two neighbour relations to agree: distance (px), radial angle and direction (rad). */
  local: { distance: number; phi: number; delta: number }
  /** Candidate alignments tried, best local similarity first. */
  candidates: number
  /** Tolerance for two aligned minutiae to pair. */
  pairing: Tolerance
  /** Templates with fewer minutiae are scored as if they had this many (little evidence, low score). */
  minEvidence: number
}

export const MATCHER_DEFAULTS: MatcherOptions = {
  local: { distance: 12, phi: 22 * DEG, delta: 22 * DEG },
  candidates: 8,
  pairing: { distance: 14, angle: 28 * DEG },
  minEvidence: 20,
}

/** Decision threshold on the score, chosen on synthetic data (docs/fingerprints.md): no false match there. */
export const FINGERPRINT_THRESHOLD = 0.08

/**
 * `score` in [0, 1] is (Σ w)² / (max(n1, minEvidence) · max(n2, minEvidence)), w in [0, 1] per paired
 * minutia (1 when it agrees exactly); `paired` counts the pairs; `decision` compares score and threshold.
 */
export type MatchResult = { score: number; paired: number; decision: 'match' | 'no-match' }

const asPrepared = (t: FingerTemplate | PreparedTemplate): PreparedTemplate =>
  'kind' in t && t.kind === 'prepared-fingerprint' ? t : prepareTemplate(t as FingerTemplate)

const TWO_PI = 2 * Math.PI
// |a − b| as an angle, for a and b in (−π, π].
const angleGap = (a: number, b: number) => {
  const d = a - b
  const w = d > Math.PI ? d - TWO_PI : d < -Math.PI ? d + TWO_PI : d
  return w < 0 ? -w : w
}

// Every pair of neighbour relations that agree votes for the pair of minutiae they hang from; only the
// buckets within the angle tolerances are visited.
const vote = (a: PreparedTemplate, b: PreparedTemplate, o: MatcherOptions): Uint16Array => {
  const votes = new Uint16Array(a.count * b.count)
  const [ea, eb] = [a.edges, b.edges]
  const { distance, phi, delta } = o.local
  const span = Math.min(Math.ceil(Math.max(phi, delta) / BUCKET_WIDTH), (BUCKETS - 1) >> 1)
  for (let e = 0; e < ea.dist.length; e++) {
    const bucket = ea.bucket[e] as number
    const [pb, db] = [Math.floor(bucket / BUCKETS), bucket % BUCKETS]
    const [d, pa, da] = [ea.dist[e] as number, ea.phi[e] as number, ea.delta[e] as number]
    const row = (ea.center[e] as number) * b.count
    for (let u = -span; u <= span; u++) {
      const cells = ((pb + u + BUCKETS) % BUCKETS) * BUCKETS
      for (let v = -span; v <= span; v++) {
        const c = cells + ((db + v + BUCKETS) % BUCKETS)
        const end = eb.start[c + 1] as number
        for (let f = eb.start[c] as number; f < end; f++) {
          const dd = d - (eb.dist[f] as number)
          if (dd > distance || dd < -distance) continue
          if (angleGap(pa, eb.phi[f] as number) > phi || angleGap(da, eb.delta[f] as number) > delta) continue
          const cell = row + (eb.center[f] as number)
          votes[cell] = (votes[cell] as number) + 1
        }
      }
    }
  }
  return votes
}

// The cells with the most votes (at least two), best first.
const topCells = (votes: Uint16Array, count: number): number[] => {
  const cells: number[] = []
  const scores: number[] = []
  for (let c = 0; c < votes.length; c++) {
    const v = votes[c] as number
    if (v < 2 || (cells.length === count && v <= (scores[count - 1] as number))) continue
    let k = Math.min(cells.length, count - 1)
    while (k > 0 && (scores[k - 1] as number) < v) k--
    cells.splice(k, 0, c)
    scores.splice(k, 0, v)
    if (cells.length > count) {
      cells.pop()
      scores.pop()
    }
  }
  return cells
}

// The centre pair and its agreeing neighbours: the correspondences an alignment is fitted on.
const localCorrespondences = (
  a: PreparedTemplate,
  b: PreparedTemplate,
  i: number,
  p: number,
  o: MatcherOptions,
  out: { a: Int32Array; b: Int32Array },
): number => {
  out.a[0] = i
  out.b[0] = p
  let count = 1
  let taken = 0
  for (let k = 0; k < (a.degree[i] as number); k++) {
    const ka = i * NEIGHBOURS + k
    let best = -1
    let bestCost = Number.POSITIVE_INFINITY
    for (let l = 0; l < (b.degree[p] as number); l++) {
      if (taken & (1 << l)) continue
      const lb = p * NEIGHBOURS + l
      const dd = Math.abs((a.nDist[ka] as number) - (b.nDist[lb] as number)) / o.local.distance
      const dp = Math.abs(wrap((a.nPhi[ka] as number) - (b.nPhi[lb] as number))) / o.local.phi
      const dt = Math.abs(wrap((a.nDelta[ka] as number) - (b.nDelta[lb] as number))) / o.local.delta
      const cost = dd + dp + dt
      if (dd <= 1 && dp <= 1 && dt <= 1 && cost < bestCost) {
        best = l
        bestCost = cost
      }
    }
    if (best < 0) continue
    taken |= 1 << best
    out.a[count] = a.nIndex[ka] as number
    out.b[count] = b.nIndex[p * NEIGHBOURS + best] as number
    count++
  }
  return count
}

/** Compares two fingers; a template prepared once with `prepareTemplate` can be compared many times. */
export const matchFingerprints = (
  first: FingerTemplate | PreparedTemplate,
  second: FingerTemplate | PreparedTemplate,
  options: { threshold?: number; matcher?: MatcherOptions } = {},
): MatchResult => {
  const threshold = options.threshold ?? FINGERPRINT_THRESHOLD
  const o = options.matcher ?? MATCHER_DEFAULTS
  const [a, b] = [asPrepared(first), asPrepared(second)]
  if (a.count < 3 || b.count < 3) return { score: 0, paired: 0, decision: 'no-match' }
  const votes = vote(a, b, o)
  const scratch = pairingScratch(a.count, b.count)
  const local = { a: new Int32Array(NEIGHBOURS + 1), b: new Int32Array(NEIGHBOURS + 1) }
  let [best, bestWeight] = [0, 0]
  for (const cell of topCells(votes, o.candidates)) {
    const [i, p] = [Math.floor(cell / b.count), cell % b.count]
    const n = localCorrespondences(a, b, i, p, o, local)
    let paired = pairMinutiae(a, b, fitTransform(a, b, local.a, local.b, n), o.pairing, scratch)
    for (let round = 0; round < 2 && paired >= 3; round++) {
      const refined = fitTransform(a, b, scratch.pairA, scratch.pairB, paired)
      paired = pairMinutiae(a, b, refined, o.pairing, scratch)
    }
    if (scratch.weight > bestWeight) [best, bestWeight] = [paired, scratch.weight]
  }
  const score =
    (bestWeight * bestWeight) / (Math.max(a.count, o.minEvidence) * Math.max(b.count, o.minEvidence))
  return { score, paired: best, decision: score >= threshold ? 'match' : 'no-match' }
}

export { type PreparedTemplate, prepareTemplate } from './minutiae.prepare.js'
