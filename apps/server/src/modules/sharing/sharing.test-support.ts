import * as client from 'openid-client'
import { expect } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { citizen, integrate, PASSWORD } from '../documents/documents.test-support.js'
import { givenRelyingParty, type OidcTest } from '../oidc/oidc.test-support.js'
import { NOW } from '../registry/registry.test-support.js'

/** A verifier's server registered for client credentials, and a machine token for `scope`. */
export const givenVerifier = async (
  t: OidcTest,
  input: { name?: string; purpose?: string } = {},
  /** '' asks for no scope at all. */
  scope = 'share_redeem',
) => {
  const { creds, config } = await givenRelyingParty(t, {
    name: input.name ?? 'Ngân hàng Thử nghiệm — quầy giao dịch',
    purpose: input.purpose ?? 'Xác minh khách hàng mở tài khoản tại quầy',
    clientCredentials: true,
  })
  const tokens = await client.clientCredentialsGrant(config, scope ? { scope } : {})
  return { creds, config, token: tokens.access_token }
}

/** The citizen makes a share through the API; the response. */
export const share = (b: TestBrowser, scope: Record<string, string>) =>
  b.call('POST', '/api/v1/shares', { scope }, b.csrf())

/** The citizen makes a share and the test expects it made: `{ id, qr, expiresAt }`. */
export const made = async (b: TestBrowser, scope: Record<string, string>) => {
  const res = await share(b, scope)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; qr: string; expiresAt: string }
}

/** A verifier's redemption through the API with its Bearer token. */
export const redeemAs = (t: TestContext, token: string | undefined, qr: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/verifier/shares/redeem',
    payload: { qr },
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  })

export const statusOf = async (b: TestBrowser, id: string) => {
  const res = await b.call('GET', `/api/v1/shares/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { status: string; redeemedBy?: { kind: string; name: string }; redeemedAt?: string }
}

/** The holder's data-access log rows, oldest first. */
export const releasesOf = (t: TestContext, subjectId: string) =>
  t.db
    .selectFrom('data_access_log')
    .select(['recipient_kind', 'recipient_id', 'recipient_name', 'channel', 'claims', 'purpose'])
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute()

/** An integrated document of the citizen's, through the documents API; its id. */
export const integrated = async (b: TestBrowser, kind: string, number: string) => {
  const res = await integrate(b, kind, number)
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

/** Kim Min Jun, the demo registry's foreign resident (registry.demo.ts: Korean passport, temporary residence card). */
export const KIM = 'NN0000000001'

/**
 * Kim's level-2 account, as the immigration office leaves it (the demo registry must be seeded, e.g. by
 * givenDemoSources), logged in through the real routes with the foreigner ID number as username.
 */
export const givenForeignResident = async (t: TestContext): Promise<TestBrowser> => {
  await givenAccount(t.db, { subjectId: KIM, level: 2, password: PASSWORD, phone: '+84700000001', at: NOW })
  return citizen(t, KIM)
}
