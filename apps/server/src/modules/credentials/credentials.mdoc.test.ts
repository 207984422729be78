import { Verifier } from '@auth0/mdl'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deviceKey, drivingLicence, givenIssuer, type TestContext } from './credentials.test-support.js'
import { rotateIssuerKey } from './issuer-keys.js'
import { issueDrivingLicenceMdoc } from './mdoc.issuer.js'
import { iacaRoots as publishedRoots, respond, transcript } from './mdoc.test-support.js'

let t: TestContext
// A database, the demo people and the routes: minutes on a loaded machine, so longer than the default hook timeout.
beforeAll(async () => {
  t = await givenIssuer()
}, 600_000)
afterAll(() => t.close())

const ALL = [
  'family_name',
  'given_name',
  'birth_date',
  'issue_date',
  'expiry_date',
  'issuing_country',
  'issuing_authority',
  'document_number',
  'driving_privileges',
]

const iacaRoots = () => publishedRoots(t.app)

describe('the driving licence as an ISO 18013-5 mdoc', () => {
  test('verifies with @auth0/mdl against the published IACA root, device-signed', async () => {
    const device = await deviceKey()
    const { credential } = await issueDrivingLicenceMdoc(t.deps, {
      licence: drivingLicence(),
      deviceJwk: device.publicKey,
    })
    const response = await respond(credential, device.privateKey, ALL)
    const verified = await new Verifier(await iacaRoots()).verify(response, {
      encodedSessionTranscript: transcript('v-nonce'),
    })
    const doc = verified.documents[0]
    expect(doc?.docType).toBe('org.iso.18013.5.1.mDL')
    const values = doc?.getIssuerNameSpace('org.iso.18013.5.1') ?? {}
    expect(values).toMatchObject({
      family_name: 'Nguyễn',
      given_name: 'Văn An',
      issuing_country: 'VN',
      document_number: '790123456789',
    })
    expect(String(values.birth_date)).toContain('1995')
  })

  test('only the requested elements leave the wallet', async () => {
    const device = await deviceKey()
    const { credential } = await issueDrivingLicenceMdoc(t.deps, {
      licence: drivingLicence(),
      deviceJwk: device.publicKey,
    })
    const response = await respond(credential, device.privateKey, ['family_name', 'given_name', 'birth_date'])
    const verified = await new Verifier(await iacaRoots()).verify(response, {
      encodedSessionTranscript: transcript('v-nonce'),
    })
    expect(Object.keys(verified.documents[0]?.getIssuerNameSpace('org.iso.18013.5.1') ?? {}).sort()).toEqual([
      'birth_date',
      'family_name',
      'given_name',
    ])
  })

  test('a tampered element is detected', async () => {
    const device = await deviceKey()
    const { credential } = await issueDrivingLicenceMdoc(t.deps, {
      licence: drivingLicence(),
      deviceJwk: device.publicKey,
    })
    // Another number of the same length, changed in the encoded bytes: its digest no longer matches the MSO.
    const bytes = Buffer.from(credential, 'base64url')
    const at = bytes.indexOf('790123456789')
    expect(at).toBeGreaterThan(0)
    bytes.write('790999999999', at)
    const tampered = bytes.toString('base64url')
    const response = await respond(tampered, device.privateKey, ['document_number'])
    await expect(
      new Verifier(await iacaRoots()).verify(response, { encodedSessionTranscript: transcript('v-nonce') }),
    ).rejects.toThrow(/digest/i)
  })

  test('a response for another session (replayed) fails the device signature', async () => {
    const device = await deviceKey()
    const { credential } = await issueDrivingLicenceMdoc(t.deps, {
      licence: drivingLicence(),
      deviceJwk: device.publicKey,
    })
    const response = await respond(credential, device.privateKey, ['family_name'], 'session-1')
    await expect(
      new Verifier(await iacaRoots()).verify(response, { encodedSessionTranscript: transcript('session-2') }),
    ).rejects.toThrow(/device signature/i)
  })

  test('an mdoc does not verify against another IACA root', async () => {
    const device = await deviceKey()
    const { credential } = await issueDrivingLicenceMdoc(t.deps, {
      licence: drivingLicence(),
      deviceJwk: device.publicKey,
    })
    const before = await iacaRoots()
    await rotateIssuerKey(t.deps, 'mdoc-iaca')
    const after = await iacaRoots()
    expect(after).toHaveLength(2)
    const stranger = after.filter((pem) => !before.includes(pem))
    const response = await respond(credential, device.privateKey, ['family_name'])
    await expect(
      new Verifier(stranger).verify(response, { encodedSessionTranscript: transcript('v-nonce') }),
    ).rejects.toThrow(/certificate/i)
    // The old root stays published, so mdocs issued before the rotation still verify.
    await new Verifier(after).verify(response, { encodedSessionTranscript: transcript('v-nonce') })
  })
})
