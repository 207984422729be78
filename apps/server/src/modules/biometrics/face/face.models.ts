import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type * as Tf from '@tensorflow/tfjs-core'

// Everything loads from installed packages on disk: no model or .wasm file is ever fetched at run time.
const require = createRequire(import.meta.url)

// Human's "exports" map lacks "./" prefixes, so its subpaths are reached from the resolved main entry.
const humanDist = path.dirname(require.resolve('@vladmandic/human'))

/** The package version the models ship with; part of MODEL_VERSION. */
export const HUMAN_VERSION = (
  JSON.parse(readFileSync(path.join(humanDist, '..', 'package.json'), 'utf8')) as { version: string }
).version

export const modelPaths = {
  /** human's Node build that runs TensorFlow.js on the WebAssembly backend (no native tfjs-node). */
  humanWasmBuild: path.join(humanDist, 'human.node-wasm.js'),
  modelDir: path.join(humanDist, '..', 'models'),
  wasmDir: path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')),
}

/** The models the face engine loads, as files of human's models folder. */
export const FACE_MODELS = {
  detector: 'blazeface.json',
  mesh: 'facemesh.json',
  description: 'faceres.json',
  antispoof: 'antispoof.json',
  liveness: 'liveness.json',
} as const

export const loadTf = () => require('@tensorflow/tfjs-core') as typeof Tf

/** Lets tf.loadGraphModel read `file://` URLs (tfjs-core only knows http; tfjs-node is not used). */
export const registerFileModelLoader = (tf: typeof Tf) => {
  const router = (url: string | string[]): Tf.io.IOHandler | null => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null
    const file = fileURLToPath(url)
    return { load: () => loadArtifacts(tf, file) }
  }
  // Routers answer null for URLs they do not handle (tfjs-core's own http router does), though the type omits it.
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0])
}

const loadArtifacts = async (tf: typeof Tf, file: string) => {
  const json = JSON.parse(await readFile(file, 'utf8')) as Tf.io.ModelJSON
  return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights)
    const shards = manifest.flatMap((group) => group.paths.map((p) => path.join(path.dirname(file), p)))
    const bytes = Buffer.concat(await Promise.all(shards.map((shard) => readFile(shard))))
    const weights = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    return [specs, weights]
  })
}

export const modelBaseUrl = () => `${pathToFileURL(modelPaths.modelDir).href}/`
