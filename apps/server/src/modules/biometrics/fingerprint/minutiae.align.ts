// Global consolidation: a rigid transform from template A to template B, and the one-to-one pairing of
// minutiae that agree under it in position and direction.
import { type PreparedTemplate, wrap } from './minutiae.prepare.js'

export type Transform = { angle: number; cos: number; sin: number; tx: number; ty: number }

export type Tolerance = { distance: number; angle: number }

export const transformOf = (angle: number, tx: number, ty: number): Transform => ({
  angle,
  cos: Math.cos(angle),
  sin: Math.sin(angle),
  tx,
  ty,
})

/**
 * The rotation and translation taking A's points onto B's in the least-squares sense (2-D Procrustes);
 * with fewer than three pairs the rotation comes from the minutiae directions instead.
 */
export const fitTransform = (
  a: PreparedTemplate,
  b: PreparedTemplate,
  pairA: Int32Array,
  pairB: Int32Array,
  count: number,
): Transform => {
  let [ax, ay, bx, by] = [0, 0, 0, 0]
  for (let k = 0; k < count; k++) {
    ax += a.x[pairA[k] as number] as number
    ay += a.y[pairA[k] as number] as number
    bx += b.x[pairB[k] as number] as number
    by += b.y[pairB[k] as number] as number
  }
  ;[ax, ay, bx, by] = [ax / count, ay / count, bx / count, by / count]
  let angle: number
  if (count >= 3) {
    let [dot, cross] = [0, 0]
    for (let k = 0; k < count; k++) {
      const px = (a.x[pairA[k] as number] as number) - ax
      const py = (a.y[pairA[k] as number] as number) - ay
      const qx = (b.x[pairB[k] as number] as number) - bx
      const qy = (b.y[pairB[k] as number] as number) - by
      dot += px * qx + py * qy
      cross += px * qy - py * qx
    }
    angle = Math.atan2(cross, dot)
  } else {
    let [s, c] = [0, 0]
    for (let k = 0; k < count; k++) {
      const d = (b.t[pairB[k] as number] as number) - (a.t[pairA[k] as number] as number)
      s += Math.sin(d)
      c += Math.cos(d)
    }
    angle = Math.atan2(s, c)
  }
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
  return { angle, cos, sin, tx: bx - (cos * ax - sin * ay), ty: by - (sin * ax + cos * ay) }
}

/** Scratch space for pairing, sized for the two templates and reused across alignments of one match. */
export type PairingScratch = {
  pairA: Int32Array
  pairB: Int32Array
  candA: Int32Array
  candB: Int32Array
  cost: Float64Array
  order: number[]
  usedA: Uint8Array
  usedB: Uint8Array
  /** Sum over the pairs of how closely they agree: 1 when exactly, ½ on average for chance pairs. */
  weight: number
}

export const pairingScratch = (n1: number, n2: number): PairingScratch => ({
  pairA: new Int32Array(Math.min(n1, n2)),
  pairB: new Int32Array(Math.min(n1, n2)),
  candA: new Int32Array(n1 * 4),
  candB: new Int32Array(n1 * 4),
  cost: new Float64Array(n1 * 4),
  order: [],
  usedA: new Uint8Array(n1),
  usedB: new Uint8Array(n2),
  weight: 0,
})

/**
 * Pairs A's minutiae, moved by the transform, with B's within the tolerance; cheapest pairs first, each
 * minutia at most once. Returns how many pairs were written to `s.pairA` / `s.pairB`.
 */
export const pairMinutiae = (
  a: PreparedTemplate,
  b: PreparedTemplate,
  tr: Transform,
  tol: Tolerance,
  s: PairingScratch,
): number => {
  const r = tol.distance
  const r2 = r * r
  const capacity = s.cost.length
  let found = 0
  for (let i = 0; i < a.count; i++) {
    const xa = a.x[i] as number
    const ya = a.y[i] as number
    const X = tr.cos * xa - tr.sin * ya + tr.tx
    const Y = tr.sin * xa + tr.cos * ya + tr.ty
    const T = (a.t[i] as number) + tr.angle
    // Only B's minutiae within r of X: binary search the band in B's x order.
    let lo = 0
    let hi = b.count
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((b.sortedX[mid] as number) < X - r) lo = mid + 1
      else hi = mid
    }
    for (let k = lo; k < b.count && (b.sortedX[k] as number) <= X + r && found < capacity; k++) {
      const j = b.byX[k] as number
      const dx = X - (b.x[j] as number)
      const dy = Y - (b.y[j] as number)
      const d2 = dx * dx + dy * dy
      if (d2 > r2) continue
      const da = Math.abs(wrap(T - (b.t[j] as number)))
      if (da > tol.angle) continue
      s.candA[found] = i
      s.candB[found] = j
      s.cost[found] = d2 / r2 + da / tol.angle
      found++
    }
  }
  const order = s.order
  order.length = found
  for (let k = 0; k < found; k++) order[k] = k
  order.sort((p, q) => (s.cost[p] as number) - (s.cost[q] as number))
  s.usedA.fill(0)
  s.usedB.fill(0)
  let paired = 0
  let weight = 0
  for (const k of order) {
    const i = s.candA[k] as number
    const j = s.candB[k] as number
    if (s.usedA[i] || s.usedB[j]) continue
    s.usedA[i] = 1
    s.usedB[j] = 1
    s.pairA[paired] = i
    s.pairB[paired] = j
    paired++
    weight += 1 - (s.cost[k] as number) / 2
  }
  s.weight = weight
  return paired
}
