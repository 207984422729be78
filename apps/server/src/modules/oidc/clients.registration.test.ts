import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { hashClientSecret, secretMatches } from './clients.secret.js'
import { addClient, listClients, type NewClient, reinstateClient, suspendClient } from './clients.service.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
}, 120_000)
afterAll(() => t.close())

const CLI = { id: 'cli', kind: 'system' } as const
const valid: NewClient = { name: 'Cổng Dịch vụ công', redirectUris: ['https://dichvucong.example.vn/cb'] }
const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('oidc_client')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('registering a relying party', () => {
  test('prints the secret once and stores only its hash, with the baseline defaults', async () => {
    const creds = await addClient(t.deps, CLI, valid)
    expect(creds).toMatchObject({
      client_name: 'Cổng Dịch vụ công',
      scopes: ['openid', 'profile', 'offline_access'],
      min_level: 1,
      sector: creds.client_id,
      token_endpoint_auth_method: 'client_secret_basic',
      status: 'active',
    })
    expect(creds.client_id).toMatch(/^rp_[A-Za-z0-9_-]{22}$/)
    const row = await t.db
      .selectFrom('oidc_client')
      .selectAll()
      .where('client_id', '=', creds.client_id)
      .executeTakeFirstOrThrow()
    expect(row.secret_hash).toBe(hashClientSecret(creds.client_secret ?? ''))
    expect(JSON.stringify(row)).not.toContain(creds.client_secret)
    expect(secretMatches(row.secret_hash ?? undefined, creds.client_secret ?? '')).toBe(true)
    expect(secretMatches(row.secret_hash ?? undefined, 'guess')).toBe(false)
    expect((await listClients(t.deps)).find((c) => c.client_id === creds.client_id)).not.toHaveProperty(
      'client_secret',
    )
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .selectAll()
      .where('subject', '=', creds.client_id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['oidc.client.added'])
  })

  test.each([
    ['an empty name', { name: ' ' }, 'oidc.CLIENT_NAME_INVALID'],
    ['no redirect URI', { redirectUris: [] }, 'oidc.REDIRECT_URI_INVALID'],
    [
      'a plain-http redirect URI off localhost',
      { redirectUris: ['http://rp.example/cb'] },
      'oidc.REDIRECT_URI_INVALID',
    ],
    [
      'a redirect URI with a fragment',
      { redirectUris: ['https://rp.example/cb#x'] },
      'oidc.REDIRECT_URI_INVALID',
    ],
    ['a relative redirect URI', { redirectUris: ['/cb'] }, 'oidc.REDIRECT_URI_INVALID'],
    ['scopes without openid', { scopes: ['profile'] }, 'oidc.SCOPES_INVALID'],
    ['an unknown scope', { scopes: ['openid', 'vn_tax_code'] }, 'oidc.SCOPES_INVALID'],
    ['level 3', { minLevel: 3 }, 'oidc.MIN_LEVEL_INVALID'],
    ['a sector with spaces', { sector: 'bộ tài chính' }, 'oidc.SECTOR_INVALID'],
    ['an unknown authentication method', { authMethod: 'none' }, 'oidc.AUTH_METHOD_INVALID'],
    ['private_key_jwt without keys', { authMethod: 'private_key_jwt' }, 'oidc.JWKS_INVALID'],
    ['keys without private_key_jwt', { jwks: { keys: [] } }, 'oidc.JWKS_INVALID'],
  ])('refuses %s with a stable code and writes nothing', async (_what, change, code) => {
    const before = await count()
    await expect(addClient(t.deps, CLI, { ...valid, ...change })).rejects.toMatchObject({ code })
    expect(await count()).toBe(before)
  })

  test('a private_key_jwt client registers public keys only: a key set with a private key is refused', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
    const leaked = { keys: [await exportJWK(privateKey)] }
    await expect(
      addClient(t.deps, CLI, { ...valid, authMethod: 'private_key_jwt', jwks: leaked }),
    ).rejects.toMatchObject({ code: 'oidc.JWKS_INVALID' })
    const creds = await addClient(t.deps, CLI, {
      ...valid,
      authMethod: 'private_key_jwt',
      jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig' }] },
    })
    expect(creds).not.toHaveProperty('client_secret')
    expect(creds.token_endpoint_auth_method).toBe('private_key_jwt')
  })
})

describe('suspension', () => {
  test('suspends once, reinstates once, each audited; repeats are refused with clear codes', async () => {
    const { client_id } = await addClient(t.deps, CLI, valid)
    expect((await suspendClient(t.deps, CLI, client_id, 'agreement expired')).status).toBe('suspended')
    await expect(suspendClient(t.deps, CLI, client_id)).rejects.toMatchObject({
      code: 'oidc.ALREADY_SUSPENDED',
    })
    expect((await reinstateClient(t.deps, CLI, client_id)).status).toBe('active')
    await expect(reinstateClient(t.deps, CLI, client_id)).rejects.toMatchObject({
      code: 'oidc.NOT_SUSPENDED',
    })
    await expect(suspendClient(t.deps, CLI, 'rp_unknown_client')).rejects.toMatchObject({
      code: 'oidc.CLIENT_NOT_FOUND',
    })
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .selectAll()
      .where('subject', '=', client_id)
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => [a.action, a.data])).toEqual([
      ['oidc.client.added', expect.anything()],
      ['oidc.client.suspended', { reason: 'agreement expired' }],
      ['oidc.client.reinstated', {}],
    ])
  })
})
