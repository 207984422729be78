import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { ACR } from './oidc.levels.js'
import { useOidcTest } from './oidc.test-support.js'

const t = useOidcTest()

describe('discovery', () => {
  test('the issuer publishes the baseline profile at /.well-known/openid-configuration', async () => {
    const res = await fetch(`${t.issuer}/.well-known/openid-configuration`)
    expect(res.status).toBe(200)
    const d = z.record(z.string(), z.unknown()).parse(await res.json())
    expect(d).toMatchObject({
      issuer: t.issuer,
      authorization_endpoint: `${t.issuer}/oidc/auth`,
      token_endpoint: `${t.issuer}/oidc/token`,
      userinfo_endpoint: `${t.issuer}/oidc/userinfo`,
      jwks_uri: `${t.issuer}/oidc/jwks`,
      revocation_endpoint: `${t.issuer}/oidc/token/revocation`,
      introspection_endpoint: `${t.issuer}/oidc/token/introspection`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['ES256'],
      acr_values_supported: [ACR[1], ACR[2]],
      authorization_response_iss_parameter_supported: true,
    })
    expect(d.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'vn_id', 'offline_access']),
    )
    expect(d.claims_supported).toEqual(
      expect.arrayContaining(['sub', 'name', 'birthdate', 'gender', 'vn_id', 'acr', 'amr']),
    )
    expect(d.grant_types_supported).not.toContain('implicit')
    // PAR and DPoP for whoever wants them (required of fapi2 clients): oidc.fapi.test.ts.
    expect(d.pushed_authorization_request_endpoint).toBe(`${t.issuer}/oidc/par`)
    // RP-initiated and back-channel logout: oidc.logout.test.ts.
    expect(d.end_session_endpoint).toBe(`${t.issuer}/oidc/session/end`)
  })
})
