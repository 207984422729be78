import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import {
  cropFace,
  groupFaceCrops,
  PORTRAIT,
  recaptures,
  SAME_PERSON_PHOTOS,
} from '../apps/server/src/modules/biometrics/face/face.samples.js'
import {
  createFaceEngine,
  FACE_MATCH_THRESHOLD,
  type FaceEngine,
  type FaceQualityPolicy,
  type FaceTemplate,
  REFERENCE_PORTRAIT_POLICY,
} from '../apps/server/src/modules/biometrics/face/index.js'
import type { BenchResult } from './types.js'

export type FaceBenchOptions = {
  /** Verifications in the load phase. Default 120. */
  verifications?: number
  /** Worker threads. Default 2. */
  threads?: number
  log?: (line: string) => void
}

/** Score distributions on the sample faces, with error rates at the engine's threshold. */
export type FaceAccuracy = {
  threshold: number
  genuine: number[]
  impostor: number[]
  /** Impostor pairs at or above the threshold / impostor pairs. */
  fmr: number
  /** Genuine pairs below the threshold / genuine pairs. */
  fnmr: number
  /** The one genuine pair across two different photos (the same man years apart), if both were usable. */
  crossPhotoGenuine: number[]
  rejected: string[]
}

export type FaceBenchResult = BenchResult & {
  eventLoopLagMaxMs?: number
  eventLoopLagP99Ms?: number
  accuracy?: FaceAccuracy
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
const round = (n: number, digits = 2) => Number(n.toFixed(digits))

// The corpus keeps every usable face: only the checks that would make the embedding meaningless stay on.
const corpusPolicy: FaceQualityPolicy = {
  ...REFERENCE_PORTRAIT_POLICY,
  minFaceSize: 48,
  minSharpness: 0,
  maxYaw: 90,
  maxPitch: 90,
  maxRoll: 180,
  minEyeOpenness: 0,
}

/** Verification = extract the probe (live-capture checks on) + compare with a stored template. */
const load = async (engine: FaceEngine, n: number, threads: number): Promise<FaceBenchResult> => {
  const portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  const reference = (await engine.extract(portrait, REFERENCE_PORTRAIT_POLICY)).template
  const probes = (await recaptures(portrait)).map((r) => r.image).filter((_, i) => i !== 4)
  const lag = monitorEventLoopDelay({ resolution: 10 })
  const latencies: number[] = []
  let next = 0
  lag.enable()
  const t0 = performance.now()
  const worker = async () => {
    while (next < n) {
      const probe = probes[next++ % probes.length] as Buffer
      const s = performance.now()
      const { template } = await engine.extract(probe, { ...REFERENCE_PORTRAIT_POLICY, minAntispoof: 0.01 })
      engine.compare(reference, template)
      latencies.push(performance.now() - s)
    }
  }
  // One caller a thread: latency is the service time, not time spent queueing.
  await Promise.all(Array.from({ length: threads }, worker))
  const seconds = (performance.now() - t0) / 1000
  lag.disable()
  latencies.sort((a, b) => a - b)
  return {
    name: 'face.verify',
    engine: 'wasm',
    ops: round(n / seconds),
    p50ms: round(percentile(latencies, 0.5), 1),
    p99ms: round(percentile(latencies, 0.99), 1),
    count: n,
    seconds: round(seconds),
    target: 8,
    targetP50ms: 200,
    eventLoopLagMaxMs: round(lag.max / 1e6, 1),
    eventLoopLagP99Ms: round(lag.percentile(99) / 1e6, 1),
  }
}

const accuracy = async (engine: FaceEngine, log: (l: string) => void): Promise<FaceAccuracy> => {
  const rejected: string[] = []
  const templateOf = async (label: string, image: Buffer): Promise<FaceTemplate | null> =>
    engine.extract(image, corpusPolicy).then(
      (r) => r.template,
      (err: { code?: string }) => {
        rejected.push(`${label}: ${err.code}`)
        return null
      },
    )
  const faces: { person: string; source: string; template: FaceTemplate }[] = []
  const genuine: number[] = []
  for (const crop of await groupFaceCrops(engine)) {
    const template = await templateOf(crop.person, crop.image)
    if (!template) continue
    faces.push({ person: crop.person, source: crop.source, template })
    for (const { how, image } of await recaptures(crop.image)) {
      const probe = await templateOf(`${crop.person} ${how}`, image)
      if (probe) genuine.push(engine.compare(template, probe))
    }
  }
  log(`  face corpus: ${faces.length} faces, ${genuine.length} genuine recapture pairs`)
  // Different people for certain: two faces of one group photo, or the man of SAME_PERSON_PHOTOS and a woman.
  const impostor: number[] = []
  for (const [i, a] of faces.entries())
    for (const b of faces.slice(i + 1))
      if (a.source === b.source) impostor.push(engine.compare(a.template, b.template))
  const man: FaceTemplate[] = []
  for (const p of SAME_PERSON_PHOTOS) {
    const t = await templateOf(p.file, await cropFace(p.file, p.box, p.margin))
    if (t) man.push(t)
  }
  for (const t of man)
    for (const f of faces) if (f.source.includes('face-api')) impostor.push(engine.compare(t, f.template))
  const crossPhotoGenuine = man.flatMap((a, i) => man.slice(i + 1).map((b) => engine.compare(a, b)))
  const threshold = FACE_MATCH_THRESHOLD
  const allGenuine = [...genuine, ...crossPhotoGenuine]
  return {
    threshold,
    genuine: allGenuine.map((s) => round(s, 3)).sort((a, b) => a - b),
    impostor: impostor.map((s) => round(s, 3)).sort((a, b) => a - b),
    fmr: round(impostor.filter((s) => s >= threshold).length / Math.max(1, impostor.length), 4),
    fnmr: round(allGenuine.filter((s) => s < threshold).length / Math.max(1, allGenuine.length), 4),
    crossPhotoGenuine: crossPhotoGenuine.map((s) => round(s, 3)),
    rejected,
  }
}

/** Face verification speed on worker threads, main-thread event-loop lag, and FMR/FNMR on the sample faces. */
export const runFaceBench = async (opts: FaceBenchOptions = {}): Promise<FaceBenchResult[]> => {
  const log = opts.log ?? (() => {})
  const threads = opts.threads ?? 2
  const engine = createFaceEngine({ threads })
  try {
    const t0 = performance.now()
    await engine.warmUp()
    log(`  face models loaded in ${threads} workers: ${Math.round(performance.now() - t0)} ms`)
    const speed = await load(engine, opts.verifications ?? 120, threads)
    log(`  face.verify ${speed.ops}/s p50 ${speed.p50ms} ms, lag max ${speed.eventLoopLagMaxMs} ms`)
    const acc = await accuracy(engine, log)
    const summary = `genuine ${acc.genuine.length}, impostor ${acc.impostor.length}, FMR ${acc.fmr}, FNMR ${acc.fnmr}`
    log(`  face accuracy at ${acc.threshold}: ${summary}`)
    return [{ ...speed, accuracy: acc }]
  } finally {
    await engine.close()
  }
}

// `npx tsx bench/face.bench.ts [verifications]` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const verifications = Number(process.argv[2]) || undefined
  const [result] = await runFaceBench({
    ...(verifications ? { verifications } : {}),
    log: (l) => console.error(l),
  })
  if (result) {
    const { accuracy: acc, ...speed } = result
    console.table([speed])
    console.log(
      JSON.stringify({ ...acc, genuine: acc?.genuine.slice(0, 10), impostor: acc?.impostor.slice(-10) }),
    )
  }
}
