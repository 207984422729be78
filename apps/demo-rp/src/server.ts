import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { failureOf, finishLogin, logoutUrl, startLogin } from './login.js'
import { accountPage, failurePage, homePage, notFoundPage, profileNote } from './pages.js'
import { type Connection, type ProviderSettings, providerConnection } from './provider.js'
import type { RelyingParty } from './relying-parties.js'
import { sessionStore } from './sessions.js'

const STYLE = readFileSync(new URL('./style.css', import.meta.url))

export type RelyingPartyServer = { rp: RelyingParty; url: URL; close: () => Promise<void> }

type Options = ProviderSettings & {
  /** The address browsers use: the redirect URI is `${origin}/callback`. */
  origin: URL
  host: string
  /** 0 for any free port (tests); by default the origin's port. */
  port?: number
}

/** One demo relying party on its own port: home, login, callback, account, logout. */
export const startRelyingParty = async (rp: RelyingParty, o: Options): Promise<RelyingPartyServer> => {
  const sessions = sessionStore(rp.cookie)
  const connection = providerConnection(rp, o)
  let origin = o.origin
  const tryConnection = async (): Promise<Connection | undefined> => connection().catch(() => undefined)

  const send = (res: ServerResponse, status: number, html: string) => {
    // The login and logout forms lead on to the provider: Chrome applies form-action to redirects.
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src 'self'; form-action 'self' ${o.issuer.origin}; frame-ancestors 'none'; base-uri 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    })
    res.end(html)
  }
  const redirect = (res: ServerResponse, to: URL | string) => {
    res.writeHead(303, { location: String(to), 'cache-control': 'no-store' })
    res.end()
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin)
    const route = `${req.method} ${url.pathname}`
    if (route === 'GET /style.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=300' })
      return res.end(STYLE)
    }
    const session = sessions.of(req, res)
    if (route === 'GET /' || route === 'GET /logged-out') {
      const c = await tryConnection()
      const note = profileNote(rp, c ? c.profile : 'unreachable', o.issuer)
      if (session.user) return send(res, 200, accountPage(rp, session.user, note))
      return send(res, 200, homePage(rp, note, url.pathname === '/logged-out'))
    }
    if (route === 'GET /login') {
      const c = await tryConnection()
      if (!c) return send(res, 503, failurePage(rp, { kind: 'provider_unreachable' }))
      const started = await startLogin(rp, origin, c).catch(failureOf)
      if (!('pending' in started)) return send(res, 502, failurePage(rp, started))
      session.pending = started.pending
      return redirect(res, started.url)
    }
    if (route === 'GET /callback') {
      const c = await tryConnection()
      if (!c) return send(res, 503, failurePage(rp, { kind: 'provider_unreachable' }))
      // Single use: a replayed callback finds no pending login.
      const pending = session.pending
      delete session.pending
      const result = await finishLogin(rp, c, pending, url)
      if (!result.ok) return send(res, 403, failurePage(rp, result.failure))
      session.user = result.user
      sessions.renew(req, res, session)
      return redirect(res, '/')
    }
    if (route === 'POST /logout') {
      const idToken = session.user?.idToken
      sessions.end(req, res)
      return redirect(res, logoutUrl(await tryConnection(), origin, idToken))
    }
    return send(res, 404, notFoundPage(rp))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(`${rp.clientId}:`, err)
      if (!res.headersSent) send(res, 500, failurePage(rp, { kind: 'provider_error', error: 'server_error' }))
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port ?? Number(o.origin.port || 80), o.host, resolve)
  })
  const port = (server.address() as AddressInfo).port
  if (o.port === 0) {
    origin = new URL(o.origin)
    origin.port = String(port)
  }
  return {
    rp,
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
