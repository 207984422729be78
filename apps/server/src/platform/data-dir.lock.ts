import { closeSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Stable code of the refusal to open an embedded database another process (or this one) has open. */
export const DATA_DIR_IN_USE = 'db.DATA_DIR_IN_USE'

export class DataDirInUseError extends Error {
  readonly code = DATA_DIR_IN_USE
  constructor(dir: string, pid: number) {
    super(
      `${DATA_DIR_IN_USE}: the embedded database in ${dir} is open in process ${pid} (npm start?); ` +
        'stop it first, or use a PostgreSQL server (DATABASE_URL). Two processes on one PGlite directory ' +
        `would each write their own copy. If process ${pid} is not dinhdanh, delete ${join(dir, LOCK_FILE)}.`,
    )
  }
}

const LOCK_FILE = 'dinhdanh.lock'

/**
 * The directories this process holds. A lock file naming our own pid is ours only when it is listed here:
 * a container restarted on a persisted directory gets the same pid (often 1) as the process that left it.
 */
const heldHere = new Set<string>()

const canonical = (dir: string) => {
  try {
    return realpathSync(dir)
  } catch {
    return resolve(dir)
  }
}

// EPERM: the process exists but belongs to someone else, so it is alive.
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the PGlite directory for this process (a lock file holding its pid, created exclusively), replacing a
 * lock whose process has gone, or that names this process's pid without this process having taken it; returns
 * the release. PGlite has no lock of its own.
 */
export const lockDataDir = (dir: string): (() => void) => {
  const path = join(dir, LOCK_FILE)
  const key = canonical(dir)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600)
      writeSync(fd, String(process.pid))
      closeSync(fd)
      heldHere.add(key)
      let released = false
      return () => {
        if (released) return
        released = true
        heldHere.delete(key)
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path)
        } catch {
          // Already gone: nothing to release.
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      let holder = 0
      try {
        holder = Number.parseInt(readFileSync(path, 'utf8'), 10)
      } catch {
        continue // released between our open and read: try again
      }
      // Our own pid in a lock we did not take: left by an earlier process that had the same pid (a restart).
      const ours = holder === process.pid
      if (ours && heldHere.has(key)) throw new DataDirInUseError(dir, holder)
      if (!ours && Number.isInteger(holder) && holder > 0 && alive(holder))
        throw new DataDirInUseError(dir, holder)
      try {
        unlinkSync(path) // stale: its process ended without releasing it
      } catch {
        // Another process removed it first: try again.
      }
    }
  }
  throw new DataDirInUseError(dir, 0)
}
