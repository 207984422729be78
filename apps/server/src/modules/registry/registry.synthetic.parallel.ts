import { Worker } from 'node:worker_threads'
import type { ForeignerRecord } from './foreigner.repository.js'
import type { CopyBatch } from './registry.copy-batch.js'
import type { SyntheticOptions } from './registry.synthetic.js'
import type { WorkerInput, WorkerMessage } from './registry.synthetic.worker.js'

export type GeneratedBatch = { copy: CopyBatch; foreigners: ForeignerRecord[] }

// Batches generated ahead of the database: enough to keep both busy, few enough to bound memory.
const AHEAD = 3

/**
 * The synthetic population as COPY text, generated in a worker thread so that generating the next
 * batch overlaps with the database writing this one. Same people as generatePopulation.
 */
export async function* generateCopyBatches(
  options: SyntheticOptions,
  now: Date,
): AsyncGenerator<GeneratedBatch> {
  const input: WorkerInput = {
    options: { ...options, ...(options.reserved ? { reserved: [...options.reserved] } : {}) },
    now: now.toISOString(),
  }
  const worker = new Worker(new URL('./registry.synthetic.worker.mjs', import.meta.url), {
    workerData: input,
  })
  const queue: WorkerMessage[] = []
  let wake: (() => void) | null = null
  let failure: Error | null = null
  const push = (m: WorkerMessage) => {
    queue.push(m)
    wake?.()
  }
  worker.on('message', push)
  worker.on('error', (e) => {
    failure = e
    wake?.()
  })
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`synthetic generator worker exited with code ${code}`)
    wake?.()
  })
  try {
    worker.postMessage(AHEAD)
    for (;;) {
      if (queue.length === 0) {
        if (failure) throw failure
        await new Promise<void>((r) => {
          wake = r
        })
        wake = null
        continue
      }
      const m = queue.shift() as WorkerMessage
      if (m.kind === 'done') return
      if (m.kind === 'error') throw new Error(`synthetic generator: ${m.message}`)
      worker.postMessage(1)
      yield { copy: m.copy, foreigners: m.foreigners }
    }
  } finally {
    await worker.terminate()
  }
}
