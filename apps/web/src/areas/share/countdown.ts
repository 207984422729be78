import { useEffect, useState } from 'react'

/** Whole seconds left until the deadline, never negative (59.2 s left shows as 60). */
export const secondsLeft = (deadlineMs: number, nowMs: number) =>
  Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000))

/** Moments worth announcing to a screen reader; every second would drown everything else out. */
export const ANNOUNCE_AT = [30, 10, 0] as const
export const shouldAnnounce = (seconds: number) => (ANNOUNCE_AT as readonly number[]).includes(seconds)

/** Seconds left, re-rendered four times a second so the display never skips a second. */
export const useSecondsLeft = (deadlineMs: number | null) => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (deadlineMs === null) return
    setNow(Date.now())
    const timer = window.setInterval(() => setNow(Date.now()), 250)
    return () => window.clearInterval(timer)
  }, [deadlineMs])
  return deadlineMs === null ? 0 : secondsLeft(deadlineMs, now)
}
