import { expect, test } from 'vitest'
import { startPeriodic } from './periodic.js'

test('a periodic job runs again after a failure, never twice at once, and stop waits for the run', async () => {
  let runs = 0
  let inFlight = 0
  let overlap = false
  const errors: unknown[] = []
  const job = startPeriodic(
    async () => {
      inFlight++
      overlap ||= inFlight > 1
      runs++
      await new Promise((r) => setTimeout(r, 5))
      inFlight--
      if (runs === 1) throw new Error('first run fails')
    },
    { intervalMs: 1, onError: (e) => errors.push(e) },
  )
  await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(3)
  await job.stop()
  const after = runs
  await new Promise((r) => setTimeout(r, 30))
  expect(runs).toBe(after)
  expect(inFlight).toBe(0)
  expect(overlap).toBe(false)
  expect(errors).toHaveLength(1)
})
