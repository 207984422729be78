import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/** What a listener hears on a channel (PostgreSQL LISTEN/NOTIFY). */
export type ChannelHandlers = {
  /** One notification's payload. */
  message(payload: string): void
  /**
   * Delivery stopped (`false`: the listening connection was lost, notifications may be missed from now)
   * or started (`true`: everything committed from now on will be heard).
   */
  state(listening: boolean): void
}

/** LISTEN on the platform's database: one connection per process for all channels. */
export type Notifications = {
  listen(channel: string, handlers: ChannelHandlers): Promise<() => Promise<void>>
  close(): Promise<void>
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/

const checkChannel = (channel: string) => {
  if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`)
}

/** PGlite runs in this process: notifications arrive while the writing statement (or COMMIT) completes. */
export const pgliteNotifications = (pglite: PGlite): Notifications => ({
  async listen(channel, handlers) {
    checkChannel(channel)
    const stop = await pglite.listen(channel, (payload) => handlers.message(payload))
    handlers.state(true)
    return async () => {
      handlers.state(false)
      await stop()
    }
  },
  close: async () => {},
})

type Logger = { warn(obj: object, msg: string): void }

/**
 * A PostgreSQL server: one dedicated connection (not from the pool, which would hand it to a query) that
 * LISTENs on every channel asked for; lost, it tells every listener, and reconnects with backoff.
 */
export const postgresNotifications = (
  connectionString: string,
  log: Logger,
  // How operators tell this connection apart in pg_stat_activity.
  applicationName = 'dinhdanh-notifications',
): Notifications => {
  const channels = new Map<string, Set<ChannelHandlers>>()
  let client: pg.Client | undefined
  let connecting: Promise<pg.Client | undefined> | undefined
  let closed = false
  let retryMs = 100

  const tell = (listening: boolean) => {
    for (const set of channels.values()) for (const h of set) h.state(listening)
  }

  const connect = (): Promise<pg.Client | undefined> => {
    connecting ??= (async () => {
      while (!closed) {
        const c = new pg.Client({ connectionString, application_name: applicationName })
        // An error with no listener would end the process; 'end' follows and reconnects.
        c.on('error', (e) => log.warn({ err: e }, 'notification connection failed'))
        try {
          await c.connect()
          c.on('notification', (n) => {
            for (const h of channels.get(n.channel) ?? []) h.message(n.payload ?? '')
          })
          c.on('end', () => {
            if (client !== c) return
            client = undefined
            tell(false)
            if (!closed) void connect()
          })
          for (const ch of channels.keys()) await c.query(`LISTEN ${ch}`)
          client = c
          retryMs = 100
          tell(true)
          return c
        } catch (e) {
          log.warn({ err: e, retryMs }, 'notification connection failed, retrying')
          await c.end().catch(() => {})
          await new Promise((r) => setTimeout(r, retryMs).unref())
          retryMs = Math.min(retryMs * 2, 10_000)
        }
      }
      return undefined
    })().finally(() => {
      connecting = undefined
    })
    return connecting
  }

  return {
    async listen(channel, handlers) {
      checkChannel(channel)
      let set = channels.get(channel)
      const fresh = !set
      if (!set) {
        set = new Set()
        channels.set(channel, set)
      }
      set.add(handlers)
      const existing = client
      const c = existing ?? (await connect())
      // A second LISTEN on a channel is harmless; a channel added while connecting may have been missed.
      if (c && fresh) await c.query(`LISTEN ${channel}`)
      // connect() told every listener present when it succeeded, this one included.
      if (existing) handlers.state(true)
      return async () => {
        set.delete(handlers)
        handlers.state(false)
      }
    },
    async close() {
      closed = true
      const c = client
      client = undefined
      tell(false)
      await c?.end().catch(() => {})
    },
  }
}
