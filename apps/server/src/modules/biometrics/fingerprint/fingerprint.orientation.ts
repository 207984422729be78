// A ridge orientation field from singular points (the zero-pole model of Sherlock and Monro): each core
// turns the ridges by half a turn around it, each delta by minus half, so minutiae follow loops and whorls.
import type { Rng } from './fingerprint.prng.js'

export type FingerPattern = 'left-loop' | 'right-loop' | 'whorl' | 'tented-arch'
export type Singularity = { kind: 'core' | 'delta'; x: number; y: number }
export type OrientationField = { pattern: FingerPattern; base: number; singularities: Singularity[] }

const PATTERNS: readonly FingerPattern[] = ['left-loop', 'right-loop', 'whorl', 'tented-arch']

/** Singular points placed as on real fingers: cores near the centre, deltas below and to the side. */
export const randomOrientationField = (rng: Rng, width: number, height: number): OrientationField => {
  const pattern = PATTERNS[rng.int(PATTERNS.length)] ?? 'whorl'
  const cx = width * rng.between(0.42, 0.58)
  const cy = height * rng.between(0.38, 0.5)
  const side = pattern === 'left-loop' ? 1 : -1
  const at = (kind: Singularity['kind'], dx: number, dy: number): Singularity => ({
    kind,
    x: cx + dx * width,
    y: cy + dy * height,
  })
  const singularities =
    pattern === 'whorl'
      ? [
          at('core', -0.04, -0.03),
          at('core', 0.04, 0.03),
          at('delta', -rng.between(0.3, 0.4), 0.3),
          at('delta', rng.between(0.3, 0.4), 0.3),
        ]
      : pattern === 'tented-arch'
        ? [at('core', 0, 0), at('delta', 0, rng.between(0.12, 0.2))]
        : [at('core', 0, 0), at('delta', side * rng.between(0.25, 0.35), rng.between(0.25, 0.35))]
  return { pattern, base: rng.between(-0.15, 0.15), singularities }
}

/** Ridge orientation in radians, modulo π, counter-clockwise as seen on the image (y grows downwards). */
export const orientationAt = (field: OrientationField, x: number, y: number): number => {
  let theta = field.base
  for (const s of field.singularities) {
    const arg = Math.atan2(-(y - s.y), x - s.x)
    theta += s.kind === 'core' ? arg / 2 : -arg / 2
  }
  return theta
}
