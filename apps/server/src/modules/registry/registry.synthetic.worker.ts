import { parentPort, workerData } from 'node:worker_threads'
import type { ForeignerRecord } from './foreigner.repository.js'
import { type CopyBatch, toCopyBatch } from './registry.copy-batch.js'
import { generatePopulation, type SyntheticOptions } from './registry.synthetic.js'

export type WorkerInput = { options: SyntheticOptions; now: string }
export type WorkerMessage =
  | { kind: 'batch'; copy: CopyBatch; foreigners: ForeignerRecord[] }
  | { kind: 'done' }
  | { kind: 'error'; message: string }

// Generates the population and its COPY text off the main thread; the parent grants credit per batch
// so that no more than a few batches wait in memory.
const port = parentPort
if (!port) throw new Error('registry.synthetic.worker must run in a worker thread')
const input = workerData as WorkerInput
const now = new Date(input.now)
const population = generatePopulation(input.options)
port.on('message', (credit: number) => {
  try {
    for (let i = 0; i < credit; i++) {
      const next = population.next()
      if (next.done) {
        port.postMessage({ kind: 'done' } satisfies WorkerMessage)
        return
      }
      const { citizens, foreigners } = next.value
      port.postMessage({
        kind: 'batch',
        copy: toCopyBatch(citizens, now),
        foreigners,
      } satisfies WorkerMessage)
    }
  } catch (e) {
    port.postMessage({
      kind: 'error',
      message: e instanceof Error ? e.message : String(e),
    } satisfies WorkerMessage)
  }
})
