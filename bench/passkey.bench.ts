import { givenAccount } from '../apps/server/src/modules/accounts/accounts.test-support.js'
import { SoftAuthenticator } from '../apps/server/src/modules/accounts/passkey.test-support.js'
import { testBrowser } from '../apps/server/src/modules/accounts/session.test-support.js'
import { startTestApp } from '../apps/server/src/test/harness.js'
import type { BenchResult } from './types.js'

const ORIGIN = 'https://eid.example.vn'
const round = (n: number, digits = 1) => Number(n.toFixed(digits))
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
let host = 0
const address = () => `10.9.${(host >> 8) & 255}.${host++ & 255}`

/**
 * Passkey logins through HTTP: the options call, an ES256 assertion made by a software authenticator
 * (outside the timing of the server only in the sense that it is the client's work) and the login, which
 * verifies the signature, moves the counter by compare-and-set and opens a session.
 */
export const runPasskeyBench = async (
  opts: { logins?: number; log?: (l: string) => void } = {},
): Promise<BenchResult[]> => {
  const t = await startTestApp({ PUBLIC_URL: ORIGIN })
  try {
    const subject = '079095001234'
    await givenAccount(t.db, {
      subjectId: subject,
      password: 'Hanoi@2026x',
      passcode: '739128',
      at: t.clock.now(),
    })
    // Register one passkey the way the app does: a fresh two-factor session, the options, the attestation.
    const b = testBrowser(t.app)
    const first = await b.call('POST', '/api/v1/auth/login', { username: subject, password: 'Hanoi@2026x' })
    const sms = await t.db
      .selectFrom('platform_outbox')
      .select('body')
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    await b.call('POST', '/api/v1/auth/login/verify', {
      challengeId: first.json().challengeId,
      code: /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1],
    })
    const device = new SoftAuthenticator()
    const created = (await b.call('POST', '/api/v1/me/passkeys/options', undefined, b.csrf())).json()
    const added = await b.call(
      'POST',
      '/api/v1/me/passkeys',
      { challengeId: created.challengeId, response: device.create(created.options, ORIGIN) },
      b.csrf(),
    )
    if (added.statusCode !== 201) throw new Error(`passkey not added: ${added.body}`)

    const n = opts.logins ?? 400
    const latencies: number[] = []
    const login = async () => {
      const started = performance.now()
      const remoteAddress = address()
      const o = await t.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', remoteAddress })
      const { challengeId, options } = o.json()
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/login',
        payload: { challengeId, response: device.get(options, ORIGIN) },
        remoteAddress,
      })
      if (res.statusCode !== 200) throw new Error(`passkey login answered ${res.statusCode}: ${res.body}`)
      latencies.push(performance.now() - started)
    }
    // One at a time: one authenticator's counter moves forward one assertion after another.
    for (let i = 0; i < 20; i++) await login()
    latencies.length = 0
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await login()
    const seconds = (performance.now() - t0) / 1000
    latencies.sort((a, b) => a - b)
    const ops = round(n / seconds)
    opts.log?.(`  passkey logins: ${ops}/s (p99 ${round(percentile(latencies, 0.99))} ms)`)
    return [
      {
        name: 'accounts.passkey_login',
        engine: 'pglite',
        ops,
        p50ms: round(percentile(latencies, 0.5)),
        p99ms: round(percentile(latencies, 0.99)),
        count: n,
        seconds: round(seconds, 2),
      },
    ]
  } finally {
    await t.close()
  }
}
