import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CredentialDocument } from './credential.inputs.js'
import { issueDocumentSdJwt, issuePidSdJwt } from './credentials.service.js'
import {
  AN,
  deviceKey,
  drivingLicence,
  givenIssuer,
  issuerMetadata,
  present,
  seconds,
  type TestContext,
  verifierFor,
} from './credentials.test-support.js'

let t: TestContext
// A database, the demo people and the routes: minutes on a loaded machine, so longer than the default hook timeout.
beforeAll(async () => {
  t = await givenIssuer()
}, 600_000)
afterAll(() => t.close())

const b64json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))

describe('PID as an SD-JWT VC, verified by the @sd-jwt library', () => {
  test('the PID verifies against the published issuer keys, with EU PID claim names', async () => {
    const holder = await deviceKey()
    const { credential, status } = await issuePidSdJwt(t.deps, {
      personalId: AN,
      holderJwk: holder.publicKey,
    })
    const verifier = await verifierFor(t)
    const { payload, header } = await verifier.verify(credential, { currentDate: seconds(t) })
    expect(header).toMatchObject({ typ: 'dc+sd-jwt', alg: 'ES256' })
    expect(payload).toMatchObject({
      iss: t.deps.config.publicUrl,
      vct: 'urn:vn:eid:pid:1',
      family_name: 'Nguyễn',
      given_name: 'Văn An',
      birth_date: '1995-03-15',
      personal_administrative_number: AN,
      sex: 1,
      nationality: 'VN',
      issuing_country: 'VN',
      cnf: { jwk: { kty: 'EC', crv: 'P-256', x: holder.publicKey.x, y: holder.publicKey.y } },
      status: { status_list: { idx: status.index } },
    })
  })

  test('no personal claim is readable in the signed JWT without its disclosure', async () => {
    const holder = await deviceKey()
    const { credential } = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const jwtPayload = b64json(credential.split('~')[0]?.split('.')[1] ?? '')
    expect(Object.keys(jwtPayload).sort()).toEqual([
      '_sd',
      '_sd_alg',
      'cnf',
      'exp',
      'iat',
      'iss',
      'status',
      'vct',
    ])
    expect(JSON.stringify(jwtPayload)).not.toContain(AN)
  })

  test('a presentation of only name and birth date, bound to the device key, reveals nothing else', async () => {
    const holder = await deviceKey()
    const { credential } = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const kb = { iat: seconds(t), aud: 'https://verifier.example', nonce: 'n-0001' }
    const shown = await present(
      credential,
      holder.privateKey,
      { family_name: true, given_name: true, birth_date: true },
      kb,
    )
    const result = await (await verifierFor(t)).verify(shown, {
      currentDate: seconds(t),
      keyBindingNonce: 'n-0001',
    })
    expect(result.kb?.payload).toMatchObject({ aud: 'https://verifier.example', nonce: 'n-0001' })
    const disclosed = Object.keys(result.payload).filter(
      (k) => !['iss', 'vct', 'iat', 'exp', 'cnf', 'status'].includes(k),
    )
    expect(disclosed.sort()).toEqual(['birth_date', 'family_name', 'given_name'])
  })

  test('a key-binding JWT signed by another device is rejected (a copied credential cannot be presented)', async () => {
    const holder = await deviceKey()
    const thief = await deviceKey()
    const { credential } = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const kb = { iat: seconds(t), aud: 'https://verifier.example', nonce: 'n-0002' }
    const shown = await present(credential, thief.privateKey, { family_name: true }, kb)
    await expect(
      (await verifierFor(t)).verify(shown, { currentDate: seconds(t), keyBindingNonce: 'n-0002' }),
    ).rejects.toThrow()
  })

  test('a replayed presentation with another nonce is rejected', async () => {
    const holder = await deviceKey()
    const { credential } = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const kb = { iat: seconds(t), aud: 'https://verifier.example', nonce: 'n-0003' }
    const shown = await present(credential, holder.privateKey, { family_name: true }, kb)
    await expect(
      (await verifierFor(t)).verify(shown, { currentDate: seconds(t), keyBindingNonce: 'n-9999' }),
    ).rejects.toThrow()
  })

  test('a tampered disclosure is rejected', async () => {
    const holder = await deviceKey()
    const { credential } = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const parts = credential.split('~')
    const at = parts.findIndex((p, i) => i > 0 && p && b64json(p)[1] === 'birth_date')
    const [salt] = b64json(parts[at] ?? '')
    parts[at] = Buffer.from(JSON.stringify([salt, 'birth_date', '1985-03-15'])).toString('base64url')
    await expect(
      (await verifierFor(t)).verify(parts.join('~'), { currentDate: seconds(t) }),
    ).rejects.toThrow()
  })

  test('an expired credential is rejected', async () => {
    const holder = await deviceKey()
    const { credential, expiresAt } = await issuePidSdJwt(t.deps, {
      personalId: AN,
      holderJwk: holder.publicKey,
    })
    expect(expiresAt.getTime() - t.clock.now().getTime()).toBeLessThanOrEqual(365 * 86_400_000)
    const after = Math.floor(expiresAt.getTime() / 1000) + 1
    await expect((await verifierFor(t)).verify(credential, { currentDate: after })).rejects.toThrow(
      /expired/i,
    )
  })
})

describe('documents as SD-JWT VCs', () => {
  test.each([
    ['DRIVING_LICENCE', 'urn:vn:eid:driving-licence:1'],
    ['VEHICLE_REGISTRATION', 'urn:vn:eid:vehicle-registration:1'],
    ['HEALTH_INSURANCE', 'urn:vn:eid:health-insurance:1'],
    ['SOCIAL_INSURANCE_NO', 'urn:vn:eid:social-insurance:1'],
    ['TAX_CODE', 'urn:vn:eid:tax-code:1'],
  ] as const)('a %s credential has its own vct and verifies', async (type, vct) => {
    const holder = await deviceKey()
    const document: CredentialDocument = {
      ...drivingLicence(),
      type,
      fields: type === 'TAX_CODE' ? { tax_office: 'Chi cục Thuế Quận 1' } : {},
    }
    const { credential } = await issueDocumentSdJwt(t.deps, { document, holderJwk: holder.publicKey })
    const { payload } = await (await verifierFor(t)).verify(credential, { currentDate: seconds(t) })
    expect(payload).toMatchObject({
      vct,
      document_number: '790123456789',
      family_name: 'Nguyễn',
      birth_date: '1995-03-15',
    })
  })

  test('the credential never outlives its document', async () => {
    const holder = await deviceKey()
    const document = drivingLicence({ validTo: '2027-01-31' })
    const { expiresAt } = await issueDocumentSdJwt(t.deps, { document, holderJwk: holder.publicKey })
    expect(expiresAt.toISOString()).toBe('2027-02-01T00:00:00.000Z')
  })
})

describe('issuance refusals carry stable codes', () => {
  test.each([
    ['a private key as holder key', { personalId: AN, private: true }, 'credentials.HOLDER_KEY_INVALID'],
    ['an unknown person', { personalId: '001099999999' }, 'credentials.PERSON_NOT_FOUND'],
  ])('%s', async (_name, req, code) => {
    const holder = await deviceKey()
    const holderJwk = 'private' in req ? holder.privateKey : holder.publicKey
    await expect(issuePidSdJwt(t.deps, { personalId: req.personalId, holderJwk })).rejects.toMatchObject({
      code,
    })
  })

  test('an expired document, or a document with a reserved claim name, is refused', async () => {
    const holderJwk = (await deviceKey()).publicKey
    await expect(
      issueDocumentSdJwt(t.deps, { document: drivingLicence({ validTo: '2026-11-01' }), holderJwk }),
    ).rejects.toMatchObject({ code: 'credentials.DOCUMENT_EXPIRED' })
    await expect(
      issueDocumentSdJwt(t.deps, {
        document: { ...drivingLicence(), type: 'TAX_CODE', fields: { iss: 'https://evil.example' } },
        holderJwk,
      }),
    ).rejects.toMatchObject({ code: 'credentials.DOCUMENT_INVALID' })
  })

  test('each issuance is recorded without personal data, and audited', async () => {
    const { id } = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: (await deviceKey()).publicKey })
    const row = await t.db
      .selectFrom('credentials_issued')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      subject_id: AN,
      type: 'urn:vn:eid:pid:1',
      format: 'dc+sd-jwt',
      revoked_at: null,
    })
    expect(JSON.stringify(row)).not.toContain('Nguyễn')
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .select('action')
      .where('subject', '=', AN)
      .where('action', '=', 'credentials.credential.issued')
      .execute()
    expect(audit.length).toBeGreaterThan(0)
  })
})

describe('issuer keys', () => {
  test('the metadata names the issuer and publishes only public ES256 keys, cached briefly', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwt-vc-issuer' })
    expect(res.headers['cache-control']).toBe('public, max-age=60')
    const md = res.json()
    expect(md.issuer).toBe(t.deps.config.publicUrl)
    for (const jwk of md.jwks.keys) expect(jwk).not.toHaveProperty('d')
  })

  test('the issuer key is not an OIDC key', async () => {
    const oidc = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json() as {
      keys: Array<{ kid: string }>
    }
    const vc = await issuerMetadata(t)
    const ours = new Set(vc.jwks.keys.map((k) => k.kid))
    expect(oidc.keys.some((k) => ours.has(k.kid))).toBe(false)
  })
})
