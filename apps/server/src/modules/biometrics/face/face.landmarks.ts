import type { EyeOpenness, HeadPose } from './face.types.js'

type Point = readonly (number | undefined)[]

// MediaPipe face-mesh indices, six per eye: outer corner, two upper lid, inner corner, two lower lid.
const RIGHT_EYE = [33, 160, 158, 133, 153, 144] as const
const LEFT_EYE = [362, 385, 387, 263, 373, 380] as const

const dist = (a: Point, b: Point) => Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0))

/** Eye aspect ratio (Soukupová & Čech 2016): mean lid gap over eye width. */
const aspectRatio = (mesh: readonly Point[], eye: readonly number[]): number | null => {
  const [p1, p2, p3, p4, p5, p6] = eye.map((i) => mesh[i])
  if (!p1 || !p2 || !p3 || !p4 || !p5 || !p6) return null
  const width = dist(p1, p4)
  return width === 0 ? null : (dist(p2, p6) + dist(p3, p5)) / (2 * width)
}

/** Eye openness from the 468/478-point mesh; null when the mesh is missing. */
export const eyeOpenness = (mesh: readonly Point[]): EyeOpenness | null => {
  const left = aspectRatio(mesh, LEFT_EYE)
  const right = aspectRatio(mesh, RIGHT_EYE)
  return left === null || right === null ? null : { left, right }
}

const degrees = (radians: number) => (radians * 180) / Math.PI

/** human's rotation angles (radians) as degrees. */
export const headPose = (angle: { yaw: number; pitch: number; roll: number } | undefined): HeadPose => ({
  yaw: degrees(angle?.yaw ?? 0),
  pitch: degrees(angle?.pitch ?? 0),
  roll: degrees(angle?.roll ?? 0),
})
