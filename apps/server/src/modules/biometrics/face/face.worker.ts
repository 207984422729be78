import type { FaceResult, Human } from '@vladmandic/human'
import { loadHuman } from './face.human.js'
import { eyeOpenness, headPose } from './face.landmarks.js'
import { loadTf } from './face.models.js'
import type { DetectedFace, WorkerResult, WorkerTask } from './face.types.js'

// Runs in a piscina worker thread (loaded through face.worker.mjs): one human instance per thread.
// Up to this many faces are reported, enough to tell "one face" from "several".
const MAX_FACES = 5

let human: Promise<Human> | undefined

export default async function detectFaces(task: WorkerTask): Promise<WorkerResult> {
  try {
    human ??= loadHuman(MAX_FACES)
    return await detect(await human, task)
  } catch (err) {
    retire()
    throw err
  }
}

const detect = async (h: Human, task: WorkerTask): Promise<WorkerResult> => {
  const tf = loadTf()
  const input = tf.tensor4d(task.pixels, [1, task.height, task.width, 3], 'int32')
  try {
    // detect() merges this into the instance's config, so both settings are passed on every call.
    const spoof = { enabled: task.spoofChecks }
    const result = await h.detect(input, { face: { antispoof: spoof, liveness: spoof } })
    if (result.error) throw new Error(`face detection failed: ${result.error}`)
    return { faces: result.face.map(toDetectedFace) }
  } finally {
    input.dispose()
  }
}

const toDetectedFace = (face: FaceResult): DetectedFace => ({
  box: [face.box[0], face.box[1], face.box[2], face.box[3]],
  score: face.score,
  pose: headPose(face.rotation?.angle),
  eyes: face.mesh.length >= 468 ? eyeOpenness(face.mesh) : null,
  antispoof: face.real ?? null,
  liveness: face.live ?? null,
  embedding: normalise(face.embedding ?? []),
})

const normalise = (values: readonly number[]): Float32Array => {
  const out = Float32Array.from(values)
  const norm = Math.hypot(...out)
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / norm
  return out
}

// After an engine error the WebAssembly state may be corrupt: end this thread once the error is sent,
// and piscina starts a fresh one.
const retire = () => {
  setTimeout(() => process.exit(1), 50)
}
