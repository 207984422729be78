import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { fail } from '../../../platform/errors.js'
import { FACE } from './face.errors.js'
import type { WorkerResult, WorkerTask } from './face.types.js'

export type FacePoolOptions = {
  threads: number
  /** Tasks waiting beyond the running ones; more are refused with FACE_ENGINE_BUSY. */
  maxQueue: number
  /** Errors of a worker outside any task (it is replaced); the pool never throws them. */
  onError: (err: unknown) => void
}

export type FacePool = {
  detect(task: WorkerTask, signal: AbortSignal): Promise<WorkerResult>
  close(): Promise<void>
}

const workerFile = fileURLToPath(new URL('./face.worker.mjs', import.meta.url))

/** Worker threads running face.worker.ts; a dead or aborted worker is replaced and its call fails with a code. */
export const createFacePool = (opts: FacePoolOptions): FacePool => {
  const pool = new Piscina<WorkerTask, WorkerResult>({
    filename: workerFile,
    minThreads: opts.threads,
    maxThreads: opts.threads,
    maxQueue: opts.maxQueue,
    concurrentTasksPerWorker: 1,
  })
  // Without a listener an 'error' event would throw and take the server down.
  pool.on('error', opts.onError)
  let closed = false
  return {
    detect: async (task, signal) => {
      if (closed) fail(FACE.FACE_ENGINE_CLOSED)
      try {
        return await pool.run(task, { signal })
      } catch (err) {
        throw toEngineError(err, closed)
      }
    },
    close: async () => {
      closed = true
      await pool.destroy()
    },
  }
}

const toEngineError = (err: unknown, closed: boolean) => {
  const message = err instanceof Error ? err.message : String(err)
  if (closed) return FACE.FACE_ENGINE_CLOSED()
  if (err instanceof Error && err.name === 'AbortError') return FACE.FACE_ENGINE_ABORTED()
  if (message === 'Task queue is at limit') return FACE.FACE_ENGINE_BUSY()
  return FACE.FACE_ENGINE_FAILED(undefined, { reason: message })
}
