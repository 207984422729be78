import { describe, expect, test } from 'vitest'
import { createFacePool } from './face.pool.js'
import { REFERENCE_PORTRAIT_POLICY as policy } from './face.quality.js'
import { codeOf, portrait, useFaceEngine } from './face.test-support.js'

// A stuck or crashing worker fails its own call with a code; the pool replaces it and the server lives on.
const engine = useFaceEngine()

describe('worker failure', () => {
  test('a cancelled extraction stops its worker, fails with FACE_ENGINE_ABORTED, and the next call works', async () => {
    const image = await portrait()
    // 80 ms: past decoding (~10 ms), inside detection (~180 ms), so piscina terminates a busy worker.
    const cancelled = engine().extract(image, policy, { signal: AbortSignal.timeout(80) })
    expect(await codeOf(cancelled)).toBe('biometrics.FACE_ENGINE_ABORTED')
    const { template } = await engine().extract(image, policy)
    expect(template.embedding).toHaveLength(1024)
  })

  test('a worker that throws is replaced: FACE_ENGINE_FAILED, then the pool answers again', async () => {
    const errors: unknown[] = []
    const pool = createFacePool({ threads: 1, maxQueue: 4, onError: (err) => errors.push(err) })
    try {
      const never = new AbortController().signal
      // Pixels that do not fill the declared size make the worker throw (and retire itself).
      const broken = pool.detect(
        { pixels: new Uint8Array(12), width: 64, height: 64, spoofChecks: false },
        never,
      )
      expect(await codeOf(broken)).toBe('biometrics.FACE_ENGINE_FAILED')
      const blank = { pixels: new Uint8Array(64 * 64 * 3), width: 64, height: 64, spoofChecks: false }
      expect(await pool.detect(blank, never)).toEqual({ faces: [] })
    } finally {
      await pool.close()
    }
  })

  test('a closed engine refuses calls with FACE_ENGINE_CLOSED', async () => {
    const { createFaceEngine } = await import('./face.engine.js')
    const closed = createFaceEngine({ threads: 1 })
    await closed.close()
    expect(await codeOf(closed.extract(await portrait(), policy))).toBe('biometrics.FACE_ENGINE_CLOSED')
  })
})
