// 1:N face search over a shared int8 gallery. Plain JavaScript on purpose: no imports, starts in milliseconds.
import { parentPort } from 'node:worker_threads'

/**
 * @param {{ codes: SharedArrayBuffer, scales: SharedArrayBuffer, dim: number, from: number, to: number,
 *   probe: Float32Array, threshold: number, limit: number }} task
 */
const search = (task) => {
  const { dim, from, to, probe, threshold, limit } = task
  const codes = new Int8Array(task.codes)
  const scales = new Float32Array(task.scales)
  /** @type {Array<[number, number]>} */
  const hits = []
  for (let row = from; row < to; row++) {
    const base = row * dim
    let a = 0
    let b = 0
    let c = 0
    let d = 0
    // Four accumulators: independent additions the CPU can overlap.
    for (let i = 0; i < dim; i += 4) {
      a += probe[i] * codes[base + i]
      b += probe[i + 1] * codes[base + i + 1]
      c += probe[i + 2] * codes[base + i + 2]
      d += probe[i + 3] * codes[base + i + 3]
    }
    const score = (a + b + c + d) * scales[row]
    if (score >= threshold) hits.push([row, score])
  }
  hits.sort((x, y) => y[1] - x[1])
  return hits.slice(0, limit)
}

parentPort?.on('message', (task) => {
  try {
    parentPort?.postMessage({ id: task.id, hits: search(task) })
  } catch (e) {
    parentPort?.postMessage({ id: task.id, error: e instanceof Error ? e.message : String(e) })
  }
})
