// Time is a parameter: domain code asks the clock, so tests can freeze or advance it.
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export type FrozenClock = Clock & { set(at: Date | string): void; advance(ms: number): void }

export const frozenClock = (at: Date | string = '2026-11-23T03:00:00Z'): FrozenClock => {
  let current = new Date(at)
  return {
    now: () => new Date(current.getTime()),
    set: (next) => {
      current = new Date(next)
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms)
    },
  }
}
