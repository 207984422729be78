import { createFaceGallery } from '../apps/server/src/modules/biometrics/biometrics.gallery.js'
import { syntheticFaceEmbedding } from '../apps/server/src/modules/biometrics/biometrics.synthetic.js'
import { FACE_DIM } from '../apps/server/src/modules/biometrics/builtin.matcher.js'
import type { BenchResult } from './types.js'

const round = (n: number, digits = 2) => Number(n.toFixed(digits))
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0

/**
 * 1:N face search time against galleries of the given sizes (synthetic 1,024-d templates, int8 in
 * shared memory, two worker threads), each probe a noisy copy of an enrolled face that must come first.
 */
export const runGalleryBench = async (opts: {
  sizes: number[]
  searches?: number
  threads?: number
  log?: (l: string) => void
}): Promise<BenchResult[]> => {
  const log = opts.log ?? (() => {})
  const results: BenchResult[] = []
  for (const size of opts.sizes) {
    const gallery = createFaceGallery('bench', FACE_DIM, {
      threads: opts.threads ?? 2,
      initialCapacity: size,
    })
    try {
      const t0 = performance.now()
      for (let i = 0; i < size; i++) gallery.put(`P${i}`, syntheticFaceEmbedding(`g/${i}`, FACE_DIM))
      log(`  gallery of ${size.toLocaleString('en')} built in ${Math.round(performance.now() - t0)} ms`)
      const n = opts.searches ?? 20
      const latencies: number[] = []
      let found = 0
      const t1 = performance.now()
      for (let s = 0; s < n; s++) {
        const target = Math.floor((s * 7919) % size)
        const face = syntheticFaceEmbedding(`g/${target}`, FACE_DIM)
        const noise = syntheticFaceEmbedding(`noise/${s}`, FACE_DIM)
        const probe = Float32Array.from(face, (v, i) => v + 0.8 * (noise[i] ?? 0))
        const started = performance.now()
        const hits = await gallery.search(probe, 0.5, 5)
        latencies.push(performance.now() - started)
        if (hits[0]?.subjectId === `P${target}`) found++
      }
      const seconds = (performance.now() - t1) / 1000
      latencies.sort((a, b) => a - b)
      results.push({
        name: 'face.search',
        engine: 'node',
        ops: round(n / seconds, 1),
        p50ms: round(percentile(latencies, 0.5), 1),
        p99ms: round(percentile(latencies, 0.99), 1),
        count: n,
        seconds: round(seconds),
        peakRssMb: round(process.memoryUsage().rss / 2 ** 20, 0),
        extra: {
          gallerySize: size,
          foundFirst: found,
          memoryMb: round((size * (FACE_DIM + 4)) / 2 ** 20, 0),
        },
      })
      log(`  1:N over ${size.toLocaleString('en')}: p50 ${results.at(-1)?.p50ms} ms, found ${found}/${n}`)
    } finally {
      await gallery.close()
    }
  }
  return results
}
