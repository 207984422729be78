// Local structures: each minutia described by its nearest neighbours in its own frame (distance, radial
// angle and direction difference), which rotation and translation leave unchanged. Computed once per
// template so a 1:N search prepares the probe once and every gallery template once.
import type { FingerTemplate } from './fingerprint.types.js'

/** Neighbours kept per minutia, and how far they may be. */
export const NEIGHBOURS = 6
export const NEIGHBOUR_RADIUS = 110
/** Neighbour relations are bucketed by (radial angle, direction difference), BUCKETS × BUCKETS cells. */
export const BUCKETS = 12
export const BUCKET_WIDTH = (2 * Math.PI) / BUCKETS
const TWO_PI = 2 * Math.PI

export type PreparedTemplate = {
  readonly kind: 'prepared-fingerprint'
  readonly count: number
  /** Positions with y pointing up (so angles turn counter-clockwise) and directions in radians [0, 2π). */
  readonly x: Float64Array
  readonly y: Float64Array
  readonly t: Float64Array
  /** Minutiae indices in increasing x, and those x: pairing looks only at a narrow band. */
  readonly byX: Int32Array
  readonly sortedX: Float64Array
  /** Neighbour k of minutia i is at i·NEIGHBOURS + k; `degree[i]` of them are set, nearest first. */
  readonly degree: Uint8Array
  readonly nIndex: Int32Array
  readonly nDist: Float64Array
  readonly nPhi: Float64Array
  readonly nDelta: Float64Array
  /** The same relations as one list grouped by bucket; bucket c holds edges start[c] to start[c + 1]. */
  readonly edges: {
    start: Int32Array
    bucket: Int32Array
    center: Int32Array
    dist: Float64Array
    phi: Float64Array
    delta: Float64Array
  }
}

/** An angle reduced to (−π, π]. */
export const wrap = (a: number) => a - TWO_PI * Math.round(a / TWO_PI)

const bucketOf = (angle: number) => Math.min(BUCKETS - 1, Math.floor((angle + Math.PI) / BUCKET_WIDTH))

const nearest = (x: Float64Array, y: Float64Array, i: number) => {
  const found: { j: number; d: number }[] = []
  for (let j = 0; j < x.length; j++) {
    if (j === i) continue
    const dx = (x[j] as number) - (x[i] as number)
    const dy = (y[j] as number) - (y[i] as number)
    const d = Math.sqrt(dx * dx + dy * dy)
    if (d > 0 && d <= NEIGHBOUR_RADIUS) found.push({ j, d })
  }
  return found.sort((a, b) => a.d - b.d).slice(0, NEIGHBOURS)
}

type Edge = { center: number; dist: number; phi: number; delta: number; bucket: number }

const groupEdges = (edges: Edge[]): PreparedTemplate['edges'] => {
  edges.sort((a, b) => a.bucket - b.bucket || a.dist - b.dist)
  const start = new Int32Array(BUCKETS * BUCKETS + 1)
  for (const e of edges) start[e.bucket + 1] = (start[e.bucket + 1] as number) + 1
  for (let c = 0; c < BUCKETS * BUCKETS; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number)
  return {
    start,
    bucket: Int32Array.from(edges, (e) => e.bucket),
    center: Int32Array.from(edges, (e) => e.center),
    dist: Float64Array.from(edges, (e) => e.dist),
    phi: Float64Array.from(edges, (e) => e.phi),
    delta: Float64Array.from(edges, (e) => e.delta),
  }
}

export const prepareTemplate = (template: FingerTemplate): PreparedTemplate => {
  const n = template.minutiae.length
  const [x, y, t] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)]
  template.minutiae.forEach((m, i) => {
    x[i] = m.x
    y[i] = -m.y
    const radians = ((m.angle * Math.PI) / 180) % TWO_PI
    t[i] = radians < 0 ? radians + TWO_PI : radians
  })
  const byX = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => (x[i] as number) - (x[j] as number))
  const degree = new Uint8Array(n)
  const [nIndex, nDist, nPhi, nDelta] = [
    new Int32Array(n * NEIGHBOURS),
    new Float64Array(n * NEIGHBOURS),
    new Float64Array(n * NEIGHBOURS),
    new Float64Array(n * NEIGHBOURS),
  ]
  const edges: Edge[] = []
  for (let i = 0; i < n; i++) {
    const ti = t[i] as number
    const list = nearest(x, y, i)
    degree[i] = list.length
    list.forEach(({ j, d }, k) => {
      const phi = wrap(
        Math.atan2((y[j] as number) - (y[i] as number), (x[j] as number) - (x[i] as number)) - ti,
      )
      const delta = wrap((t[j] as number) - ti)
      const at = i * NEIGHBOURS + k
      nIndex[at] = j
      nDist[at] = d
      nPhi[at] = phi
      nDelta[at] = delta
      edges.push({ center: i, dist: d, phi, delta, bucket: bucketOf(phi) * BUCKETS + bucketOf(delta) })
    })
  }
  return {
    kind: 'prepared-fingerprint',
    count: n,
    x,
    y,
    t,
    byX,
    sortedX: Float64Array.from(byX, (i) => x[i] as number),
    degree,
    nIndex,
    nDist,
    nPhi,
    nDelta,
    edges: groupEdges(edges),
  }
}
