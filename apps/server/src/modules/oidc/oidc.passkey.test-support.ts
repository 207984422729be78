import { createServer } from 'node:net'
import { expect } from 'vitest'
import { startTestApp } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import type { SoftAuthenticator } from '../accounts/passkey.test-support.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { AN, BINH, citizenAppLogin, type OidcTest, PASSWORD } from './oidc.test-support.js'

export const PHONES: Record<string, string> = { [AN]: '+84912345678', [BINH]: '+84987654321' }

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

/**
 * As startOidcTest, but published as http://localhost:<port>: browsers refuse an IP address as a passkey's
 * relying-party ID, so the platform needs a host name to offer passkeys at all.
 */
export const startPasskeyOidcTest = async (): Promise<OidcTest> => {
  const port = await freePort()
  const issuer = `http://localhost:${port}`
  const t = await startTestApp({ PUBLIC_URL: issuer })
  await t.app.listen({ host: '127.0.0.1', port })
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  for (const [subjectId, level] of [
    [AN, 2],
    [BINH, 1],
  ] as const)
    await givenAccount(t.db, { subjectId, level, password: PASSWORD, phone: PHONES[subjectId], at: NOW })
  return { ...t, issuer }
}

/**
 * A passkey on `device` for the citizen, added in the citizen app as the holder would: a password login
 * with the SMS code (a fresh two-factor session is its own step-up), then the attestation.
 */
export const givenPasskey = async (t: OidcTest, subjectId: string, device: SoftAuthenticator) => {
  const phone = PHONES[subjectId]
  const b = await citizenAppLogin(t, subjectId, phone ? { phone } : {})
  const opts = await b.call('POST', '/api/v1/me/passkeys/options', undefined, b.csrf())
  expect(opts.statusCode, opts.body).toBe(200)
  const { challengeId, options } = opts.json()
  const added = await b.call(
    'POST',
    '/api/v1/me/passkeys',
    { challengeId, response: device.create(options, t.issuer) },
    b.csrf(),
  )
  expect(added.statusCode, added.body).toBe(201)
}
