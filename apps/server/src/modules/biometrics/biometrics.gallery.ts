import { cpus } from 'node:os'
import { Worker } from 'node:worker_threads'

export type GalleryHit = { subjectId: string; score: number }

/**
 * Every enrolled face of one model, in memory for 1:N search: int8 codes with a scale per face (a
 * quarter of float32's memory: 1 KiB a face, 1 GiB for a million) in shared memory that worker threads
 * scan in parallel. Exhaustive, exact up to quantisation; docs/biometrics.md has the path to an index.
 */
export type FaceGallery = {
  readonly modelVersion: string
  readonly dim: number
  size(): number
  /** Adds or replaces a subject's face (a unit vector). */
  put(subjectId: string, embedding: Float32Array): void
  /** Faces whose cosine similarity to the probe is at least `threshold`, best first. */
  search(probe: Float32Array, threshold: number, limit?: number): Promise<GalleryHit[]>
  close(): Promise<void>
}

type Pending = { resolve: (hits: Array<[number, number]>) => void; reject: (e: Error) => void }

export const createFaceGallery = (
  modelVersion: string,
  dim: number,
  opts: { threads?: number; initialCapacity?: number } = {},
): FaceGallery => {
  if (dim % 4 !== 0) throw new Error('gallery dimension must be a multiple of 4')
  let capacity = Math.max(16, opts.initialCapacity ?? 1024)
  let codes = new SharedArrayBuffer(capacity * dim)
  let scales = new SharedArrayBuffer(capacity * 4)
  let count = 0
  const ids: string[] = []
  const rowOf = new Map<string, number>()
  const threads = Math.max(1, opts.threads ?? Math.min(4, cpus().length))
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL('./biometrics.gallery.worker.mjs', import.meta.url)),
  )
  const pending = new Map<number, Pending>()
  let nextId = 1
  for (const w of workers) {
    w.on('message', (m: { id: number; hits?: Array<[number, number]>; error?: string }) => {
      const p = pending.get(m.id)
      pending.delete(m.id)
      if (pending.size === 0) for (const x of workers) x.unref()
      if (m.error !== undefined) p?.reject(new Error(m.error))
      else p?.resolve(m.hits ?? [])
    })
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e)
      pending.clear()
    })
    // An idle gallery must not keep the process alive; a search in flight does (see searchSlice).
    w.unref()
  }

  const grow = () => {
    capacity *= 2
    const nextCodes = new SharedArrayBuffer(capacity * dim)
    new Int8Array(nextCodes).set(new Int8Array(codes))
    const nextScales = new SharedArrayBuffer(capacity * 4)
    new Float32Array(nextScales).set(new Float32Array(scales))
    codes = nextCodes
    scales = nextScales
  }

  const put = (subjectId: string, embedding: Float32Array) => {
    if (embedding.length !== dim) throw new Error(`gallery expects ${dim} values, got ${embedding.length}`)
    let row = rowOf.get(subjectId)
    if (row === undefined) {
      if (count === capacity) grow()
      row = count++
      rowOf.set(subjectId, row)
      ids[row] = subjectId
    }
    let max = 0
    let norm = 0
    for (const v of embedding) {
      max = Math.max(max, Math.abs(v))
      norm += v * v
    }
    const c = new Int8Array(codes, row * dim, dim)
    const step = max / 127 || 1
    for (let i = 0; i < dim; i++) c[i] = Math.round((embedding[i] ?? 0) / step)
    // The scale turns an int8 dot product back into a cosine (the stored vector's own norm divided out).
    new Float32Array(scales)[row] = norm > 0 ? step / Math.sqrt(norm) : 0
  }

  const searchSlice = (task: Record<string, unknown>, worker: Worker) =>
    new Promise<Array<[number, number]>>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      worker.ref()
      worker.postMessage({ ...task, id })
    })

  return {
    modelVersion,
    dim,
    size: () => count,
    put,
    search: async (probe, threshold, limit = 20) => {
      if (probe.length !== dim) throw new Error(`gallery expects ${dim} values, got ${probe.length}`)
      let norm = 0
      for (const v of probe) norm += v * v
      const unit = Float32Array.from(probe, (v) => (norm > 0 ? v / Math.sqrt(norm) : 0))
      const n = count
      const per = Math.ceil(n / workers.length)
      const parts = await Promise.all(
        workers.map((w, i) =>
          searchSlice(
            {
              codes,
              scales,
              dim,
              from: i * per,
              to: Math.min(n, (i + 1) * per),
              probe: unit,
              threshold,
              limit,
            },
            w,
          ),
        ),
      )
      return parts
        .flat()
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([row, score]) => ({ subjectId: ids[row] as string, score: Math.min(1, score) }))
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
