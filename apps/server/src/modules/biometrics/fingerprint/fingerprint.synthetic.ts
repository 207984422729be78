// Deterministic synthetic fingers and noisy re-captures of them, for tests and benchmarks (no real biometrics).
import { orientationAt, randomOrientationField } from './fingerprint.orientation.js'
import { createRng, type Rng } from './fingerprint.prng.js'
import {
  ANGLE_UNIT_DEGREES,
  angleToByte,
  type FingerPosition,
  type FingerprintRecord,
  type FingerTemplate,
  type Minutia,
  type MinutiaType,
} from './fingerprint.types.js'

/** A 500 dpi plain impression: 400 × 500 px at 197 px/cm. */
export const SYNTHETIC_IMAGE = { width: 400, height: 500, resolution: 197 } as const
const MIN_DISTANCE = 18
const DEG = 180 / Math.PI

/** Degrees to [0, 360), rounded to the ISO angle unit so a template survives encoding unchanged. */
const isoAngle = (degrees: number) => angleToByte(degrees) * ANGLE_UNIT_DEGREES
const minutiaType = (rng: Rng): MinutiaType => {
  const r = rng.next()
  return r < 0.55 ? 'ending' : r < 0.97 ? 'bifurcation' : 'other'
}

/** One finger: 30–60 minutiae, at least 18 px apart, inside an elliptic finger area, along its ridge flow. */
export const generateFinger = (seed: string): FingerTemplate => {
  const rng = createRng(`finger:${seed}`)
  const { width, height } = SYNTHETIC_IMAGE
  const field = randomOrientationField(rng, width, height)
  const cx = width * rng.between(0.46, 0.54)
  const cy = height * rng.between(0.45, 0.55)
  const rx = width * rng.between(0.38, 0.45)
  const ry = height * rng.between(0.38, 0.45)
  const target = 30 + rng.int(31)
  const minutiae: Minutia[] = []
  for (let attempt = 0; attempt < 4000 && minutiae.length < target; attempt++) {
    const x = Math.round(rng.between(0, width))
    const y = Math.round(rng.between(0, height))
    if (x >= width || y >= height || ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 > 1) continue
    if (minutiae.some((m) => (m.x - x) ** 2 + (m.y - y) ** 2 < MIN_DISTANCE ** 2)) continue
    const flow = orientationAt(field, x, y) * DEG + (rng.chance(0.5) ? 180 : 0)
    minutiae.push({ type: minutiaType(rng), x, y, angle: isoAngle(flow), quality: 40 + rng.int(61) })
  }
  return { width, height, minutiae }
}

export type RecaptureOptions = {
  /** Exact rotation in degrees; otherwise uniform within ±maxRotation (default 20). */
  rotation?: number
  maxRotation?: number
  /** Exact translation in pixels; otherwise uniform within ±maxShift on each axis (default 40). */
  shift?: { dx: number; dy: number }
  maxShift?: number
  /** Uniform position noise, ± pixels (default 3). */
  positionJitter?: number
  /** Uniform direction noise, ± degrees (default 10). */
  angleJitter?: number
  /** Fraction of minutiae lost; otherwise uniform in [0.10, 0.25]. */
  dropRate?: number
  /** Spurious minutiae added; otherwise 0–4. */
  spurious?: number
  /** Amplitude in pixels of a smooth elastic skin distortion (default 3). */
  distortion?: number
}

const shuffle = <T>(rng: Rng, xs: T[]): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = xs[i] as T
    xs[i] = xs[j] as T
    xs[j] = t
  }
  return xs
}

/**
 * Another capture of the same finger: pressed elsewhere and turned (about the image centre), skin
 * stretched, positions and directions noisy, some minutiae lost, a few spurious ones, the image cropped.
 */
export const recapture = (template: FingerTemplate, seed: string, options: RecaptureOptions = {}) => {
  const rng = createRng(`recapture:${seed}`)
  const { width, height } = template
  const maxRotation = options.maxRotation ?? 20
  const maxShift = options.maxShift ?? 40
  const alpha = (options.rotation ?? rng.between(-maxRotation, maxRotation)) / DEG
  const dx = options.shift?.dx ?? rng.between(-maxShift, maxShift)
  const dy = options.shift?.dy ?? rng.between(-maxShift, maxShift)
  const jitter = options.positionJitter ?? 3
  const angleJitter = options.angleJitter ?? 10
  const dropRate = options.dropRate ?? rng.between(0.1, 0.25)
  const spurious = options.spurious ?? rng.int(5)
  const amplitude = options.distortion ?? 3
  const [f1, f2, p1, p2] = [rng.between(0.5, 1), rng.between(0.5, 1), rng.between(0, 7), rng.between(0, 7)]
  const [cx, cy, cos, sin] = [width / 2, height / 2, Math.cos(alpha), Math.sin(alpha)]

  const kept = shuffle(rng, [...template.minutiae]).slice(Math.round(dropRate * template.minutiae.length))
  const moved = kept.map((m): Minutia => {
    // y grows downwards, so a counter-clockwise turn on the image is this matrix.
    const sx = m.x - cx + amplitude * Math.sin((2 * Math.PI * f1 * m.y) / height + p1)
    const sy = m.y - cy + amplitude * Math.sin((2 * Math.PI * f2 * m.x) / width + p2)
    return {
      ...m,
      x: cx + sx * cos + sy * sin + dx + rng.between(-jitter, jitter),
      y: cy - sx * sin + sy * cos + dy + rng.between(-jitter, jitter),
      angle: m.angle + alpha * DEG + rng.between(-angleJitter, angleJitter),
      quality: Math.max(1, Math.min(100, m.quality + rng.int(21) - 10)),
    }
  })
  for (let i = 0; i < spurious; i++)
    moved.push({
      type: minutiaType(rng),
      x: rng.between(0, width),
      y: rng.between(0, height),
      angle: rng.between(0, 360),
      quality: 20 + rng.int(40),
    })
  const minutiae = moved
    .map((m) => ({ ...m, x: Math.round(m.x), y: Math.round(m.y), angle: isoAngle(m.angle) }))
    .filter((m) => m.x >= 0 && m.y >= 0 && m.x < width && m.y < height)
  return { width, height, minutiae: shuffle(rng, minutiae) } satisfies FingerTemplate
}

export type SyntheticFinger = { position: FingerPosition; template: FingerTemplate }

const POSITIONS: readonly FingerPosition[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

/** A person's ten fingers (ISO positions 1 right thumb … 10 left little), the same for the same inputs. */
export const syntheticFingers = (personalId: string, seed: string): SyntheticFinger[] =>
  POSITIONS.map((position) => ({ position, template: generateFinger(`${seed}/${personalId}/${position}`) }))

/** The ten fingers as one ISO/IEC 19794-2 record, as a ten-print scanner would send it. */
export const syntheticFingerprintRecord = (personalId: string, seed: string): FingerprintRecord => ({
  equipmentCompliance: 0,
  equipmentId: 0,
  width: SYNTHETIC_IMAGE.width,
  height: SYNTHETIC_IMAGE.height,
  resolutionX: SYNTHETIC_IMAGE.resolution,
  resolutionY: SYNTHETIC_IMAGE.resolution,
  views: syntheticFingers(personalId, seed).map(({ position, template }) => ({
    position,
    viewNumber: 0,
    impression: 0,
    quality: 80,
    minutiae: [...template.minutiae],
  })),
})
