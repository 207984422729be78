import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type * as client from 'openid-client'
import type { RpProfile } from './relying-parties.js'

/** An authorization request on its way: what the callback must check (state, nonce, PKCE) and the DPoP key. */
export type PendingLogin = {
  verifier: string
  state: string
  nonce: string
  profile: RpProfile
  dpop?: client.CryptoKeyPair
}

/** A citizen logged in to the relying party: what the provider said about them. */
export type LoggedIn = {
  idToken: string
  claims: client.IDToken
  userinfo: client.UserInfoResponse
  profile: RpProfile
  tokenType: string
}

export type Session = { pending?: PendingLogin; user?: LoggedIn }

// In memory: a demo runs one process, and a restart simply logs everyone out. An hour idle ends a session.
const IDLE_MS = 60 * 60_000
const MAX_SESSIONS = 10_000

const cookieOf = (req: IncomingMessage, name: string) =>
  (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1]

export const sessionStore = (cookie: string) => {
  const sessions = new Map<string, { session: Session; seen: number }>()
  const sweep = (now: number) => {
    for (const [id, s] of sessions)
      if (now - s.seen > IDLE_MS || sessions.size > MAX_SESSIONS) sessions.delete(id)
  }
  return {
    /** The request's session, or a new one (its cookie set on the response). */
    of(req: IncomingMessage, res: ServerResponse): Session {
      const now = Date.now()
      const id = cookieOf(req, cookie)
      const found = id ? sessions.get(id) : undefined
      if (found && now - found.seen <= IDLE_MS) {
        found.seen = now
        return found.session
      }
      sweep(now)
      const fresh = randomBytes(32).toString('base64url')
      const session: Session = {}
      sessions.set(fresh, { session, seen: now })
      // Lax: the provider's redirect back to /callback is a top-level navigation, so the cookie comes along.
      res.appendHeader('set-cookie', `${cookie}=${fresh}; Path=/; HttpOnly; SameSite=Lax`)
      return session
    },
    /** The same session under a new cookie value: a value planted before the login is worthless after it. */
    renew(req: IncomingMessage, res: ServerResponse, session: Session) {
      const id = cookieOf(req, cookie)
      if (id) sessions.delete(id)
      const fresh = randomBytes(32).toString('base64url')
      sessions.set(fresh, { session, seen: Date.now() })
      res.appendHeader('set-cookie', `${cookie}=${fresh}; Path=/; HttpOnly; SameSite=Lax`)
    },
    /** Forgets the session entirely (logout). */
    end(req: IncomingMessage, res: ServerResponse) {
      const id = cookieOf(req, cookie)
      if (id) sessions.delete(id)
      res.appendHeader('set-cookie', `${cookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`)
    },
  }
}
export type SessionStore = ReturnType<typeof sessionStore>
