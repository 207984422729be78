import { createRequire } from 'node:module'
import type { Config, Human } from '@vladmandic/human'
import { FACE_MODELS, loadTf, modelBaseUrl, modelPaths, registerFileModelLoader } from './face.models.js'

const require = createRequire(import.meta.url)

// Every model re-runs on every image: no frame skipping or result caching (they are meant for video).
const everyImage = { skipFrames: 0, skipTime: 0 }

/** Face detection, mesh, embedding, anti-spoofing and liveness; everything else is off. */
export const humanConfig = (maxFaces: number): Partial<Config> => ({
  backend: 'wasm',
  wasmPath: `${modelPaths.wasmDir}/`,
  modelBasePath: modelBaseUrl(),
  debug: false,
  async: true,
  warmup: 'none',
  cacheModels: false,
  cacheSensitivity: 0,
  skipAllowed: false,
  filter: { enabled: false },
  face: {
    enabled: true,
    detector: {
      ...everyImage,
      modelPath: FACE_MODELS.detector,
      rotation: true,
      maxDetected: maxFaces,
      minConfidence: 0.5,
      iouThreshold: 0.1,
      return: false,
    },
    mesh: { ...everyImage, enabled: true, modelPath: FACE_MODELS.mesh },
    // The mesh's own eyelid points give the eye openness; the iris model would add about 8 ms a face.
    iris: { enabled: false },
    description: { ...everyImage, enabled: true, modelPath: FACE_MODELS.description, minConfidence: 0 },
    antispoof: { ...everyImage, enabled: true, modelPath: FACE_MODELS.antispoof },
    liveness: { ...everyImage, enabled: true, modelPath: FACE_MODELS.liveness },
    emotion: { enabled: false },
    attention: { enabled: false },
    gear: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
})

type HumanModule = { Human: new (config?: Partial<Config>) => Human }

/** Loads human on the WebAssembly backend with its models from disk; once per worker thread. */
export const loadHuman = async (maxFaces: number): Promise<Human> => {
  registerFileModelLoader(loadTf())
  const { Human: HumanClass } = require(modelPaths.humanWasmBuild) as HumanModule
  const human = new HumanClass(humanConfig(maxFaces))
  await human.load()
  const loaded = new Set(human.models.loaded())
  const missing = Object.values(FACE_MODELS)
    .map((file) => file.replace('.json', ''))
    .filter((name) => !loaded.has(name))
  if (missing.length > 0) throw new Error(`face models failed to load: ${missing.join(', ')}`)
  return human
}
