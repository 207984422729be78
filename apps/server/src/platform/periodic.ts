/**
 * Runs `work` again and again, `intervalMs` after the end of the previous run (never two at once), until
 * stopped; `stop()` waits for the run in progress. Failures are reported and the schedule goes on.
 */
export const startPeriodic = (
  work: () => Promise<unknown>,
  opts: { intervalMs: number; firstDelayMs?: number; onError: (err: unknown) => void },
) => {
  let stopped = false
  let run: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    run = work()
      .catch(opts.onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs)
      })
  }
  let timer = setTimeout(tick, opts.firstDelayMs ?? 0)
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await run
    },
  }
}
