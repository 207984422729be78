import cluster, { type Worker } from 'node:cluster'
import type { Logger } from 'pino'

// A process that dies more often than this in a minute is failing at start: stop instead of looping.
const MAX_RESTARTS_PER_MINUTE = 5

/**
 * The primary of `WORKERS` > 1: forks the server processes (they share the port through node:cluster),
 * replaces one that ends unexpectedly, and on SIGTERM or SIGINT stops them all and exits.
 */
export const superviseWorkers = (count: number, log: Logger, graceMs: number): void => {
  const live = new Set<Worker>()
  const restarts: number[] = []
  let stopping = false
  let failed = false
  const listening = new Set<Worker>()
  let announced = false

  const fork = () => {
    const worker = cluster.fork()
    live.add(worker)
    worker.on('listening', () => {
      listening.add(worker)
      if (announced || listening.size < count) return
      announced = true
      log.info({ workers: count }, 'all server processes are listening')
    })
  }

  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal, workers: live.size }, 'stopping the server processes')
    for (const w of live) w.process.kill('SIGTERM')
    // Each process has its own grace period; this one only catches a process that ignores it.
    const force = setTimeout(() => {
      log.error('server processes still running after the grace period; killing them')
      for (const w of live) w.process.kill('SIGKILL')
      process.exit(1)
    }, graceMs + 5_000)
    force.unref()
    if (live.size === 0) process.exit(failed ? 1 : 0)
  }

  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker)
    listening.delete(worker)
    if (stopping) {
      if (code !== 0) failed = true
      if (live.size === 0) {
        log.info('bye')
        process.exit(failed ? 1 : 0)
      }
      return
    }
    log.error({ pid: worker.process.pid, code, signal }, 'a server process ended; starting another')
    const now = Date.now()
    restarts.push(now)
    while (restarts.length > 0 && (restarts[0] ?? now) < now - 60_000) restarts.shift()
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      log.error('server processes keep ending; giving up')
      failed = true
      stop('restarts')
      return
    }
    setTimeout(() => {
      if (!stopping) fork()
    }, 1_000)
  })

  for (let i = 0; i < count; i++) fork()
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}
