import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { DEMO_ORIGINS, registerDemoClients } from './clients.demo.js'
import { findClient } from './clients.repository.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
}, 120_000)
afterAll(() => t.close())

const demoAudit = () =>
  t.db
    .selectFrom('platform_audit_event')
    .select(['action', 'subject'])
    .where('actor', '=', 'demo-seed')
    .orderBy('seq')
    .execute()

describe('the demo relying parties (apps/demo-rp)', () => {
  test('are registered once: a restart changes nothing and writes no audit event', async () => {
    expect(await registerDemoClients(t.deps)).toEqual(['demo-portal', 'demo-bank'])
    expect(await registerDemoClients(t.deps)).toEqual([])
    expect(await demoAudit()).toEqual([
      { action: 'oidc.client.added', subject: 'demo-portal' },
      { action: 'oidc.client.added', subject: 'demo-bank' },
    ])
    const bank = await findClient(t.db, 'demo-bank')
    expect(bank).toMatchObject({
      auth_method: 'private_key_jwt',
      min_level: 2,
      profile: 'fapi2',
      secret_hash: null,
      redirect_uris: [`${DEMO_ORIGINS.bank}/callback`],
    })
    expect(await findClient(t.db, 'demo-portal')).toMatchObject({ min_level: 1, profile: 'baseline' })
  })

  test('other origins redefine them, and a suspension by an administrator is kept', async () => {
    await registerDemoClients(t.deps)
    await t.db
      .updateTable('oidc_client')
      .set({ status: 'suspended' })
      .where('client_id', '=', 'demo-portal')
      .execute()
    const moved = { portal: 'http://127.0.0.1:4100', bank: 'http://127.0.0.1:4101' }
    expect(await registerDemoClients(t.deps, moved)).toEqual(['demo-portal', 'demo-bank'])
    expect(await findClient(t.db, 'demo-portal')).toMatchObject({
      status: 'suspended',
      redirect_uris: ['http://127.0.0.1:4100/callback'],
      post_logout_redirect_uris: ['http://127.0.0.1:4100/logged-out'],
    })
  })
})
