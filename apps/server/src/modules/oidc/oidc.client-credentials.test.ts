import * as client from 'openid-client'
import { describe, expect, test } from 'vitest'
import { listClients, suspendClient } from './clients.service.js'
import {
  AN,
  authorizationRequest,
  givenRelyingParty,
  logIn,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

const t = useOidcTest()

/** A verifier's server: registered for client credentials (`clients add --client-credentials`). */
const givenMachineClient = () =>
  givenRelyingParty(t, { name: 'Máy quét QR thử nghiệm', clientCredentials: true })

describe('client credentials: machine tokens for registered clients', () => {
  test('a client registered for it gets a short-lived token with no citizen behind it', async () => {
    const { config, creds } = await givenMachineClient()
    expect(creds.client_credentials).toBe(true)
    const tokens = await client.clientCredentialsGrant(config, { scope: 'share_redeem' })
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 600, scope: 'share_redeem' })
    expect(tokens).not.toHaveProperty('id_token')
    expect(tokens).not.toHaveProperty('refresh_token')
    const info = await client.tokenIntrospection(config, tokens.access_token)
    expect(info).toMatchObject({
      active: true,
      client_id: creds.client_id,
      scope: 'share_redeem',
      token_type: 'Bearer',
    })
    expect(info).not.toHaveProperty('sub')
  })

  test('a client not registered for it gets unauthorized_client', async () => {
    const { config, creds } = await givenRelyingParty(t)
    expect(creds.client_credentials).toBe(false)
    expect((await listClients(t.deps)).find((c) => c.client_id === creds.client_id)).toMatchObject({
      client_credentials: false,
    })
    await expect(client.clientCredentialsGrant(config)).rejects.toMatchObject({
      error: 'unauthorized_client',
    })
  })

  test.each([['openid'], ['profile'], ['vn_id'], ['offline_access'], ['share_redeem profile']])(
    'a machine token carries no personal-data scope: %s is invalid_scope',
    async (scope) => {
      const { config } = await givenRelyingParty(t, {
        clientCredentials: true,
        scopes: ['openid', 'profile', 'vn_id', 'offline_access'],
      })
      await expect(client.clientCredentialsGrant(config, { scope })).rejects.toMatchObject({
        error: 'invalid_scope',
      })
    },
  )

  test('a scope the provider does not know is left out of the machine token', async () => {
    const { config } = await givenMachineClient()
    const tokens = await client.clientCredentialsGrant(config, { scope: 'share_redeem admin' })
    expect(tokens.scope).toBe('share_redeem')
  })

  test('a machine token opens no userinfo: it has no account', async () => {
    const { config } = await givenMachineClient()
    const tokens = await client.clientCredentialsGrant(config)
    expect(tokens.scope).toBeUndefined()
    const res = await fetch(`${t.issuer}/oidc/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect(res.status).toBe(401)
  })

  test("another relying party learns nothing from introspecting a verifier's token", async () => {
    const { config } = await givenMachineClient()
    const tokens = await client.clientCredentialsGrant(config, { scope: 'share_redeem' })
    const other = await givenMachineClient()
    expect(await client.tokenIntrospection(other.config, tokens.access_token)).toEqual({ active: false })
  })

  test('a citizen login cannot ask for the machine scope: invalid_scope at the relying party', async () => {
    const rp = await givenMachineClient()
    const req = await authorizationRequest(rp.config, { scope: 'openid share_redeem' })
    const step = await logIn(t, testAgent(), req.url, { username: AN })
    expect(step.callback?.searchParams.get('error')).toBe('invalid_scope')
    expect(step.callback?.searchParams.has('code')).toBe(false)
  })

  test('a suspended client gets no machine token, and cannot introspect the ones it had', async () => {
    const { config, creds } = await givenMachineClient()
    const tokens = await client.clientCredentialsGrant(config, { scope: 'share_redeem' })
    await suspendClient(t.deps, { id: 'test', kind: 'system' }, creds.client_id, 'agreement expired')
    await expect(client.clientCredentialsGrant(config, { scope: 'share_redeem' })).rejects.toMatchObject({
      error: 'invalid_client',
    })
    await expect(client.tokenIntrospection(config, tokens.access_token)).rejects.toMatchObject({
      error: 'invalid_client',
    })
  })
})
