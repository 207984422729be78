import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { sql } from 'kysely'
import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { lastSmsCode } from '../accounts/accounts.test-support.js'
import { applyAutomaticLocks } from '../accounts/index.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { backchannelEndpoint, downEndpoint } from './oidc.backchannel.test-support.js'
import { createOidcRuntime, type OidcRuntime } from './oidc.provider.js'
import {
  AN,
  authorizationRequest,
  BINH,
  citizenAppLogin,
  exchange,
  givenRelyingParty,
  logIn,
  type OidcTest,
  PASSWORD,
  startOidcTest,
  testAgent,
} from './oidc.test-support.js'
import { runSessionEndLogout } from './session-end.job.js'

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout'
const MINUTE = 60_000
// Retries without jitter: the n-th waits half of min(15 s × 2^(n-1), 15 min).
const NO_JITTER = { random: () => 0 }

let t: OidcTest
let runtime: OidcRuntime
beforeAll(async () => {
  // The app and the relying party side by side: one device at a time would end one with the other.
  t = await startOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
  runtime = createOidcRuntime(t.deps)
}, 120_000)
afterAll(() => t.close())

const runJob = () => runSessionEndLogout(t.deps, runtime, NO_JITTER)

type Rp = Awaited<ReturnType<typeof givenRelyingParty>>

/** The citizen logged in at a relying party in a browser; the browser and the tokens the RP got. */
const loggedInAt = async (rp: Rp, who: string) => {
  const agent = testAgent()
  const req = await authorizationRequest(rp.config)
  const tokens = await exchange(rp.config, (await logIn(t, agent, req.url, { username: who })).callback, req)
  return { agent, tokens, idToken: tokens.claims() }
}

/** The citizen app logged in with the password and the SMS code. */
const citizenApp = (username: string): Promise<TestBrowser> => citizenAppLogin(t, username)

/** The logout token checked as a relying party must (OIDC Back-Channel Logout 1.0 §2.6). */
const verifiedLogoutToken = async (token: string, rp: Rp) => {
  expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'logout+jwt' })
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${t.issuer}/oidc/jwks`)), {
    issuer: t.issuer,
    audience: rp.creds.client_id,
    typ: 'logout+jwt',
  })
  expect(payload.jti).toBeTruthy()
  expect(payload.iat).toBeTypeOf('number')
  expect(payload).not.toHaveProperty('nonce')
  expect(payload.events).toEqual({ [BACKCHANNEL_EVENT]: {} })
  return payload
}

/** A silent login (prompt=none) in the same browser: what the relying party gets back. */
const silentLogin = async (rp: Rp, agent: ReturnType<typeof testAgent>) => {
  const step = await agent.go((await authorizationRequest(rp.config, { prompt: 'none' })).url.href)
  return step.callback?.searchParams.get('error')
}

describe('the provider session ends with the accounts session behind it', () => {
  test('a lock by the holder: the relying party gets a valid logout token, once, and silent login fails', async () => {
    const endpoint = await backchannelEndpoint()
    try {
      const rp = await givenRelyingParty(t, { backchannelLogoutUri: endpoint.uri })
      const { agent, tokens, idToken } = await loggedInAt(rp, BINH)
      // Before: the session is there, and a silent login at the same relying party works.
      expect(await silentLogin(rp, agent)).toBeNull()

      const lock = await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts/lock',
        payload: { username: BINH, password: PASSWORD },
      })
      expect(lock.json()).toEqual({ status: 'locked' })
      // The lock is committed with the relying party not told yet: the job tells it.
      expect(endpoint.received).toHaveLength(0)

      expect(await runJob()).toMatchObject({ sessions: 1, queued: 1, sent: 1 })
      expect(endpoint.received).toHaveLength(1)
      const payload = await verifiedLogoutToken(endpoint.received[0] ?? '', rp)
      expect(payload).toMatchObject({ sub: idToken?.sub, sid: idToken?.sid })

      // Nothing is sent twice, and the access token the relying party holds is dead.
      expect(await runJob()).toMatchObject({ sessions: 0, sent: 0 })
      expect(endpoint.received).toHaveLength(1)
      await expect(client.fetchUserInfo(rp.config, tokens.access_token, idToken?.sub ?? '')).rejects.toThrow()
      expect(await silentLogin(rp, agent)).toBe('login_required')
    } finally {
      await endpoint.close()
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts/unlock/start',
        payload: { username: BINH, password: PASSWORD },
      })
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts/unlock/finish',
        payload: { username: BINH, code: await lastSmsCode(t.db, 'otp.unlock') },
      })
    }
  })

  test('an automatic lock (the card expired) ends the provider session the same way', async () => {
    const endpoint = await backchannelEndpoint()
    const card = (expiresOn: string) =>
      sql`UPDATE registry_card SET expires_on = ${expiresOn} WHERE personal_id = ${BINH} AND status = 'valid'`.execute(
        t.db,
      )
    try {
      const rp = await givenRelyingParty(t, { backchannelLogoutUri: endpoint.uri })
      const { agent, idToken } = await loggedInAt(rp, BINH)
      await card('2026-11-01')
      expect(await applyAutomaticLocks(t.deps)).toMatchObject({ locked: 1 })
      expect(await runJob()).toMatchObject({ sessions: 1, sent: 1 })
      expect(await verifiedLogoutToken(endpoint.received[0] ?? '', rp)).toMatchObject({
        sub: idToken?.sub,
        sid: idToken?.sid,
      })
      expect(await silentLogin(rp, agent)).toBe('login_required')
    } finally {
      await endpoint.close()
      await card('2039-08-02')
      await applyAutomaticLocks(t.deps)
    }
  })

  test('a session ended from the citizen app: every relying party of that session is told, each with its own sid', async () => {
    const first = await backchannelEndpoint()
    const second = await backchannelEndpoint()
    try {
      const a = await givenRelyingParty(t, { backchannelLogoutUri: first.uri })
      const b = await givenRelyingParty(t, { backchannelLogoutUri: second.uri })
      const quiet = await givenRelyingParty(t)
      const atA = await loggedInAt(a, AN)
      // The same browser at two more relying parties: single sign-on, one provider session.
      const reqB = await authorizationRequest(b.config)
      const atB = (
        await exchange(b.config, (await logIn(t, atA.agent, reqB.url, { username: AN })).callback, reqB)
      ).claims()
      const reqQuiet = await authorizationRequest(quiet.config)
      await exchange(
        quiet.config,
        (await logIn(t, atA.agent, reqQuiet.url, { username: AN })).callback,
        reqQuiet,
      )

      const app = await citizenApp(AN)
      const sessions: Array<{ sessionId: string; current: boolean }> = (
        await app.call('GET', '/api/v1/me/sessions')
      ).json()
      const other = sessions.filter((s) => !s.current)
      expect(other).toHaveLength(1)
      const ended = await app.call(
        'DELETE',
        `/api/v1/me/sessions/${other[0]?.sessionId}`,
        undefined,
        app.csrf(),
      )
      expect(ended.json()).toEqual({ ended: 1 })

      expect(await runJob()).toMatchObject({ sessions: 1, queued: 2, sent: 2 })
      expect((await verifiedLogoutToken(first.received[0] ?? '', a)).sid).toBe(atA.idToken?.sid)
      expect((await verifiedLogoutToken(second.received[0] ?? '', b)).sid).toBe(atB?.sid)
      expect(await silentLogin(quiet, atA.agent)).toBe('login_required')
      // The app's own session goes on (until the citizen logs out of it).
      expect((await app.call('GET', '/api/v1/me')).statusCode).toBe(200)
      await app.call('POST', '/api/v1/auth/logout', undefined, app.csrf())
    } finally {
      await first.close()
      await second.close()
    }
  })

  test('a relying party that is down gets the token on a later retry, and only once', async () => {
    const down = await downEndpoint()
    const rp = await givenRelyingParty(t, { backchannelLogoutUri: down.uri })
    const { agent, idToken } = await loggedInAt(rp, AN)
    const app = await citizenApp(AN)
    expect((await app.call('POST', '/api/v1/me/sessions/end-others', undefined, app.csrf())).json()).toEqual({
      ended: 1,
    })
    await app.call('POST', '/api/v1/auth/logout', undefined, app.csrf())

    // Ended at once for the citizen, whatever the relying party's state.
    expect(await runJob()).toMatchObject({ sessions: 1, queued: 1, sent: 0, retried: 1 })
    expect(await silentLogin(rp, agent)).toBe('login_required')

    const endpoint = await backchannelEndpoint({ port: down.port })
    try {
      // Not due yet: the first retry waits 7.5 s.
      expect(await runJob()).toMatchObject({ sent: 0, retried: 0 })
      t.clock.advance(8000)
      expect(await runJob()).toMatchObject({ sent: 1 })
      expect((await verifiedLogoutToken(endpoint.received[0] ?? '', rp)).sid).toBe(idToken?.sid)
      t.clock.advance(60 * MINUTE)
      expect(await runJob()).toMatchObject({ sent: 0, retried: 0 })
      expect(endpoint.received).toHaveLength(1)
    } finally {
      await endpoint.close()
    }
  })

  test('a relying party that never comes back is given up on after a bounded time', async () => {
    const down = await downEndpoint()
    const rp = await givenRelyingParty(t, { backchannelLogoutUri: down.uri })
    await loggedInAt(rp, AN)
    const app = await citizenApp(AN)
    await app.call('POST', '/api/v1/me/sessions/end-others', undefined, app.csrf())
    await app.call('POST', '/api/v1/auth/logout', undefined, app.csrf())

    const delivery = () =>
      t.db
        .selectFrom('oidc_logout_delivery')
        .select(['status', 'attempts', 'last_error'])
        .where('client_id', '=', rp.creds.client_id)
        .executeTakeFirstOrThrow()
    await runJob()
    for (let round = 0; round < 200 && (await delivery()).status !== 'failed'; round++) {
      t.clock.advance(15 * MINUTE)
      await runJob()
    }
    const row = await delivery()
    expect(row.status).toBe('failed')
    expect(row.last_error).toBeTruthy()
    // A try every 15 minutes (the waits are capped at 7.5 min), for 24 hours.
    expect(row.attempts).toBeGreaterThan(90)
    expect(row.attempts).toBeLessThan(100)
  }, 60_000)
})
