import { afterAll, describe, expect, test } from 'vitest'
import { createFaceGallery } from './biometrics.gallery.js'
import { syntheticFaceEmbedding } from './biometrics.synthetic.js'

const DIM = 1024
const gallery = createFaceGallery('test-model', DIM, { threads: 2, initialCapacity: 16 })
afterAll(() => gallery.close())

const noisy = (v: Float32Array, amount: number, seed: string) => {
  const noise = syntheticFaceEmbedding(seed, DIM)
  return Float32Array.from(v, (x, i) => x + amount * (noise[i] ?? 0))
}

describe('1:N face search', () => {
  test('finds the enrolled face of the same person among thousands, above everyone else', async () => {
    for (let i = 0; i < 3000; i++)
      gallery.put(`0010900${String(i).padStart(5, '0')}`, syntheticFaceEmbedding(`p${i}`, DIM))
    expect(gallery.size()).toBe(3000)
    const probe = noisy(syntheticFaceEmbedding('p1234', DIM), 0.6, 'capture')
    const hits = await gallery.search(probe, 0.5)
    expect(hits.map((h) => h.subjectId)).toEqual(['001090001234'])
    expect(hits[0]?.score).toBeGreaterThan(0.8)
  })

  test('the quantised score is the cosine similarity to within 0.01', async () => {
    const a = syntheticFaceEmbedding('p7', DIM)
    const probe = noisy(a, 1, 'other')
    let dot = 0
    let na = 0
    let nb = 0
    for (let i = 0; i < DIM; i++) {
      dot += (a[i] ?? 0) * (probe[i] ?? 0)
      na += (a[i] ?? 0) ** 2
      nb += (probe[i] ?? 0) ** 2
    }
    const [hit] = await gallery.search(probe, 0.3, 1)
    expect(hit?.subjectId).toBe('001090000007')
    expect(Math.abs((hit?.score ?? 0) - dot / Math.sqrt(na * nb))).toBeLessThan(0.01)
  })

  test('re-enrolling a subject replaces their face instead of adding a second one', async () => {
    gallery.put('001090000042', syntheticFaceEmbedding('someone-else', DIM))
    expect(gallery.size()).toBe(3000)
    expect(await gallery.search(syntheticFaceEmbedding('p42', DIM), 0.5)).toEqual([])
    const [hit] = await gallery.search(syntheticFaceEmbedding('someone-else', DIM), 0.5)
    expect(hit?.subjectId).toBe('001090000042')
  })

  test('a probe of the wrong length is refused', async () => {
    await expect(gallery.search(new Float32Array(10), 0.5)).rejects.toThrow(/1024/)
  })
})

test('a search in flight keeps a process with nothing else to do alive until it answers', async () => {
  const { execFileSync } = await import('node:child_process')
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { tmpdir } = await import('node:os')
  const script = `
    const { createFaceGallery } = await import(${JSON.stringify(new URL('./biometrics.gallery.ts', import.meta.url).href)})
    const g = createFaceGallery('m', 8, { threads: 1 })
    g.put('001090000001', new Float32Array([1, 0, 0, 0, 0, 0, 0, 0]))
    const hits = await g.search(new Float32Array([1, 0, 0, 0, 0, 0, 0, 0]), 0.5)
    console.log(JSON.stringify(hits))
    await g.close()`
  const file = join(mkdtempSync(join(tmpdir(), 'gallery-')), 'search.mts')
  writeFileSync(file, script)
  const out = execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' })
  expect(JSON.parse(out)).toEqual([{ subjectId: '001090000001', score: expect.closeTo(1, 2) }])
})
