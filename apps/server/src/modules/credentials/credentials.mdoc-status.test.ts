import { X509Certificate } from 'node:crypto'
import { deflateSync, inflateSync } from 'node:zlib'
import { type Cbor, type CborMap, cborDecode } from '@dinhdanh/vn-share'
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list'
import { exportJWK } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { AN, citizen, givenDemoSources, integrate } from '../documents/documents.test-support.js'
import { changeSourceRecord, createConnectors, syncDocuments } from '../documents/index.js'
import { type HolderKey, holderKey, requestCredential } from './holder.test-support.js'
import { activeIssuerKey } from './issuer-keys.js'
import { createIacaCertificate, generateP256 } from './mdoc.certificates.js'
import { mdocStatusChecker, mdocStatusReference, type VerifiedMdocDocument } from './mdoc.status-check.js'
import { iacaRoots, respond, verifyWithLibrary } from './mdoc.test-support.js'
import { signStatusListCwt } from './status-list.cwt.js'
import { STATUS_LIST_SIZE, statusListUri } from './status-list.service.js'

let t: TestContext
let an: TestBrowser
let device: HolderKey
let licenceId: string
const LICENCE = '790219012345'
const CWT = 'application/statuslist+cwt'

// The whole server, the demo registry and sources, one citizen with an integrated licence: slow on a loaded machine.
beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  an = await citizen(t, AN)
  device = await holderKey()
  const res = await integrate(an, 'driving_licence', LICENCE)
  expect(res.statusCode, res.body).toBe(201)
  licenceId = res.json().id
}, 600_000)
afterAll(() => t.close())

/** The citizen app asks for the licence as an mdoc; a verifier accepts a device response with @auth0/mdl. */
const issuedAndVerified = async () => {
  const res = await requestCredential(t, an, device, {
    format: 'mso_mdoc',
    type: 'document',
    documentId: licenceId,
  })
  expect(res.statusCode, res.body).toBe(200)
  const { id, credential } = res.json() as { id: string; credential: string }
  const response = await respond(credential, device.privateJwk, ['family_name', 'document_number'])
  const [doc] = await verifyWithLibrary(t.app, response)
  if (!doc) throw new Error('no document')
  return { id, doc }
}

/** The list token as a verifier fetches it over HTTP, counting the fetches. */
const fetcher = (accept = CWT) => {
  const calls: string[] = []
  const fetchStatusList = async (uri: string) => {
    calls.push(uri)
    const res = await t.app.inject({ method: 'GET', url: new URL(uri).pathname, headers: { accept } })
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`)
    return new Uint8Array(res.rawPayload)
  }
  return { calls, fetchStatusList }
}

const checkerWith = async (fetchStatusList: (uri: string) => Promise<Uint8Array>) =>
  mdocStatusChecker({ iacaRoots: await iacaRoots(t.app), fetchStatusList })

const refusal = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => null,
    (err: unknown) => err,
  )) as { code?: string; details?: { reason?: string } } | null
  expect(e?.code).toBe('credentials.MDOC_STATUS_UNAVAILABLE')
  return e?.details?.reason
}

/** A document as the library returns it, reduced to what the status check reads. */
const withReference = (idx: unknown, uri: unknown): VerifiedMdocDocument => ({
  issuerSigned: {
    issuerAuth: {
      decodedPayload: {
        status: new Map([
          [
            'status_list',
            new Map<string, unknown>([
              ['idx', idx],
              ['uri', uri],
            ]),
          ],
        ]),
      },
    },
  },
})

const map = (v: Cbor | undefined): CborMap => {
  if (!(v instanceof Map)) throw new Error('not a map')
  return v
}

describe('the mdoc driving licence carries a Token Status List reference (draft-ietf-oauth-status-list §6.3)', () => {
  test('the MSO names its entry in the status list; @auth0/mdl still verifies it; the check says valid', async () => {
    const { id, doc } = await issuedAndVerified()
    const row = await t.db
      .selectFrom('credentials_issued')
      .select(['status_list_id', 'status_index', 'format', 'source_ref'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ format: 'mso_mdoc', source_ref: licenceId })
    // In the MSO as the draft writes it: status → status_list → { idx, uri }.
    expect(mdocStatusReference(doc)).toEqual({
      idx: row.status_index,
      uri: statusListUri(t.deps, row.status_list_id),
    })
    const { calls, fetchStatusList } = fetcher()
    const checker = await checkerWith(fetchStatusList)
    expect(await checker.check(doc, t.clock.now())).toEqual({
      valid: true,
      value: 0,
      idx: row.status_index,
      uri: statusListUri(t.deps, row.status_list_id),
    })
    // Within the list's ttl the verifier asks the issuer nothing more.
    await checker.check(doc, new Date(t.clock.now().getTime() + 299_000))
    expect(calls).toHaveLength(1)
  })

  test('the same list is served as a CWT on Accept: application/statuslist+cwt, signed under the IACA root', async () => {
    const url = '/api/v1/credentials/status-lists/1'
    const res = await t.app.inject({ method: 'GET', url, headers: { accept: CWT } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe(CWT)
    expect(res.headers.vary).toBe('accept')
    expect(res.headers['cache-control']).toBe('public, max-age=300')
    const token = new Uint8Array(res.rawPayload)
    // COSE_Sign1_Tagged (tag 18), read by hand: [protected, unprotected, payload, signature].
    expect(token[0]).toBe(0xd2)
    const [protectedBytes, unprotected, payload, signature] = cborDecode(token.subarray(1)) as Cbor[]
    expect(map(cborDecode(protectedBytes as Uint8Array))).toEqual(
      new Map<number, Cbor>([
        [1, -7],
        [16, CWT],
      ]),
    )
    expect(signature).toHaveLength(64)
    const signer = new X509Certificate(map(unprotected).get(33) as Uint8Array)
    const [root] = (await iacaRoots(t.app)).map((pem) => new X509Certificate(pem))
    expect(root && signer.checkIssued(root) && signer.verify(root.publicKey)).toBe(true)
    const claims = map(cborDecode(payload as Uint8Array))
    const iat = Math.floor(t.clock.now().getTime() / 1000)
    expect(claims.get(2)).toBe(statusListUri(t.deps, 1))
    expect([claims.get(6), claims.get(4), claims.get(65534)]).toEqual([iat, iat + 86_400, 300])
    const list = map(claims.get(65533))
    expect(list.get('bits')).toBe(1)
    expect(inflateSync(list.get('lst') as Uint8Array)).toHaveLength(STATUS_LIST_SIZE / 8)

    // The JWT stays the default, and wins a tie; a higher q for the CWT gets the CWT.
    for (const [accept, type] of [
      [undefined, 'application/statuslist+jwt'],
      ['*/*', 'application/statuslist+jwt'],
      [`application/statuslist+jwt, ${CWT}`, 'application/statuslist+jwt'],
      [`${CWT};q=0.9, application/statuslist+jwt;q=0.5`, CWT],
    ] as const) {
      const r = await t.app.inject({ method: 'GET', url, headers: accept ? { accept } : {} })
      expect(r.headers['content-type'], String(accept)).toBe(type)
    }
  })

  test('a list the verifier cannot trust or match gives no statement: the mdoc is refused', async () => {
    const { doc } = await issuedAndVerified()
    const { uri } = mdocStatusReference(doc)
    const genuine = new Uint8Array(
      (await t.app.inject({ method: 'GET', url: new URL(uri).pathname, headers: { accept: CWT } }))
        .rawPayload,
    )
    const now = t.clock.now()
    const iat = Math.floor(now.getTime() / 1000)
    const list = {
      uri,
      iat,
      exp: iat + 86_400,
      ttl: 300,
      lst: deflateSync(new Uint8Array(STATUS_LIST_SIZE / 8)),
    }
    const ds = await activeIssuerKey(t.deps, 'mdoc-ds')
    const dsSigner = { privateJwk: ds.privateJwk, kid: ds.kid, certificatePem: String(ds.certificate) }
    // A stranger's self-made "IACA" signs a list of its own for our URI.
    const pair = await generateP256()
    const strangerCert = await createIacaCertificate(pair, now)
    const stranger = {
      privateJwk: await exportJWK(pair.privateKey),
      kid: 'stranger',
      certificatePem: strangerCert.toString('pem'),
    }
    // One bit of the payload's last byte (just before the 2-byte head and 64 bytes of the signature).
    const tampered = genuine.slice()
    tampered[tampered.length - 67] = (tampered[tampered.length - 67] ?? 0) ^ 1
    const cases: Array<[string, (u: string) => Promise<Uint8Array>, VerifiedMdocDocument, Date]> = [
      ['UNTRUSTED', async () => signStatusListCwt(list, stranger), doc, now],
      ['SIGNATURE_INVALID', async () => tampered, doc, now],
      // Another list's token (its sub) presented for this URI.
      ['MALFORMED', async () => signStatusListCwt({ ...list, uri: `${uri}9` }, dsSigner), doc, now],
      // The JWT form where a CWT was asked for.
      ['MALFORMED', fetcher('application/statuslist+jwt').fetchStatusList, doc, now],
      ['EXPIRED', async () => genuine, doc, new Date(now.getTime() + 86_400_000 + 120_000)],
      ['NOT_YET_VALID', async () => signStatusListCwt({ ...list, iat: iat + 3600 }, dsSigner), doc, now],
      [
        'UNAVAILABLE',
        async () => {
          throw new Error('offline')
        },
        doc,
        now,
      ],
      ['OUT_OF_RANGE', async () => genuine, withReference(STATUS_LIST_SIZE, uri), now],
      ['MALFORMED', async () => genuine, withReference(-1, uri), now],
      ['NO_STATUS', async () => genuine, { issuerSigned: { issuerAuth: { decodedPayload: {} } } }, now],
    ]
    for (const [reason, fetchStatusList, d, at] of cases) {
      const checker = await checkerWith(fetchStatusList)
      expect(await refusal(checker.check(d, at)), reason).toBe(reason)
    }
  })

  test('a change of the licence at its source revokes the mdoc: the check says invalid after the ttl', async () => {
    const { id, doc } = await issuedAndVerified()
    const { calls, fetchStatusList } = fetcher()
    const checker = await checkerWith(fetchStatusList)
    expect((await checker.check(doc, t.clock.now())).valid).toBe(true)

    await changeSourceRecord(t.db, 'driving_licence', LICENCE, { status: 'suspended' }, t.clock.now())
    await syncDocuments(t.deps, createConnectors(t.db))
    const row = await t.db
      .selectFrom('credentials_issued')
      .select(['revoked_at', 'status_index'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.revoked_at).not.toBeNull()

    // Within the ttl the kept list still answers (the draft's caching); after it, the revocation shows.
    expect((await checker.check(doc, t.clock.now())).valid).toBe(true)
    t.clock.advance(301_000)
    expect(await checker.check(doc, t.clock.now())).toMatchObject({ valid: false, value: 1 })
    expect(calls).toHaveLength(2)
    // The JWT form of the same list says the same (read by the @sd-jwt library).
    const jwt = await t.app.inject({ method: 'GET', url: new URL(calls[0] ?? '').pathname })
    expect(getListFromStatusListJWT(jwt.body).getStatus(row.status_index)).toBe(1)
  })
})
