import { fail } from '../../../platform/errors.js'
import { FACE } from './face.errors.js'
import { faceSharpness, type RgbImage, readImage } from './face.image.js'
import { createFacePool } from './face.pool.js'
import {
  assessFaces,
  DEFAULT_FACE_QUALITY_POLICY,
  type FaceLiveness,
  type FaceQuality,
  type FaceQualityPolicy,
  REFERENCE_PORTRAIT_POLICY,
} from './face.quality.js'
import { compareTemplates, MODEL_VERSION } from './face.template.js'
import type { DetectedFace, FaceBox, FaceObservation, FaceTemplate } from './face.types.js'

export type FaceEngineOptions = {
  /** Worker threads, each with its own models (about 150 MB). Default 2. */
  threads?: number
  /** The model the stored templates were made with; the engine refuses to start on another one. */
  modelVersion?: string
  /** Longest time one extraction may take before its worker is stopped and replaced. Default 15 s. */
  timeoutMs?: number
  /** Extractions allowed to wait for a worker. Default 32 a thread. */
  maxQueue?: number
  /** Told about a worker that failed outside any call (it is replaced). */
  onWorkerError?: (err: unknown) => void
}

export type LocatedFace = { box: FaceBox; size: number; score: number }

export type FaceExtraction = { template: FaceTemplate; quality: FaceQuality; liveness: FaceLiveness }

export type FaceEngine = {
  readonly modelVersion: string
  /** Decodes, checks quality (throws a biometrics.FACE_* / IMAGE_* error) and returns the face's template. */
  extract(
    image: Uint8Array,
    policy?: FaceQualityPolicy,
    opts?: { signal?: AbortSignal },
  ): Promise<FaceExtraction>
  /** Every face found, largest first, in original pixels; no quality checks (crop tools, corpus building). */
  locate(image: Uint8Array, opts?: { signal?: AbortSignal }): Promise<LocatedFace[]>
  /** Similarity in [0, 1]; refuses templates of another model (TEMPLATE_MODEL_MISMATCH). */
  compare(a: FaceTemplate, b: FaceTemplate): number
  /** Loads the models in every worker, so that the first calls are not slow. */
  warmUp(): Promise<void>
  close(): Promise<void>
}

/** Similarity at or above which two faces are taken as the same person (see docs/face.md for FMR/FNMR). */
export const FACE_MATCH_THRESHOLD = 0.75

export const createFaceEngine = (opts: FaceEngineOptions = {}): FaceEngine => {
  const modelVersion = opts.modelVersion ?? MODEL_VERSION
  if (modelVersion !== MODEL_VERSION)
    throw new Error(
      `face engine: stored templates use ${modelVersion} but the installed model is ${MODEL_VERSION}`,
    )
  const threads = opts.threads ?? 2
  const timeoutMs = opts.timeoutMs ?? 15_000
  const pool = createFacePool({
    threads,
    maxQueue: opts.maxQueue ?? threads * 32,
    onError: opts.onWorkerError ?? (() => {}),
  })

  const observe = async (image: RgbImage, policy: FaceQualityPolicy, signal?: AbortSignal) => {
    const deadline = AbortSignal.timeout(timeoutMs)
    const { faces } = await pool.detect(
      {
        pixels: image.pixels,
        width: image.width,
        height: image.height,
        spoofChecks: policy.minAntispoof > 0 || policy.minLiveness > 0,
      },
      signal ? AbortSignal.any([signal, deadline]) : deadline,
    )
    return Promise.all(faces.map((face) => toObservation(image, face)))
  }

  const extract: FaceEngine['extract'] = async (
    input,
    policy = DEFAULT_FACE_QUALITY_POLICY,
    callOpts = {},
  ) => {
    const image = await readImage(input, policy)
    const assessment = assessFaces(await observe(image, policy, callOpts.signal), policy)
    if (assessment.kind === 'rejected') return fail(FACE[assessment.code], undefined, assessment.details)
    const { face, quality, liveness } = assessment
    return { template: { modelVersion, embedding: face.embedding }, quality, liveness }
  }

  const locate: FaceEngine['locate'] = async (input, callOpts = {}) => {
    const image = await readImage(input, DEFAULT_FACE_QUALITY_POLICY)
    const faces = await observe(image, REFERENCE_PORTRAIT_POLICY, callOpts.signal)
    return faces.map(({ box, size, score }) => ({ box, size, score })).sort((a, b) => b.size - a.size)
  }

  const warmUp = async () => {
    const blank: RgbImage = { pixels: new Uint8Array(64 * 64 * 3), width: 64, height: 64, scale: 1 }
    await Promise.all(Array.from({ length: threads }, () => observe(blank, DEFAULT_FACE_QUALITY_POLICY)))
  }

  return {
    modelVersion,
    extract,
    locate,
    compare: (a, b) => compareTemplates(a, b, modelVersion),
    warmUp,
    close: () => pool.close(),
  }
}

// Boxes come back in analysed pixels; sizes are reported in the original image's pixels.
const toObservation = async (image: RgbImage, face: DetectedFace): Promise<FaceObservation> => {
  const [x, y, w, h] = face.box
  return {
    ...face,
    box: [x * image.scale, y * image.scale, w * image.scale, h * image.scale],
    size: Math.min(w, h) * image.scale,
    sharpness: await faceSharpness(image, face.box),
  }
}
