import { ES256 } from '@sd-jwt/crypto-nodejs'
import { StatusList } from '@sd-jwt/jwt-status-list'
import { decodeJwt, importJWK, type JWK, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { issueDocumentSdJwt, issuePidSdJwt, revokeCredential } from './credentials.service.js'
import {
  AN,
  deviceKey,
  drivingLicence,
  givenIssuer,
  issuerMetadata,
  present,
  seconds,
  type TestContext,
} from './credentials.test-support.js'
import { activeIssuerKey, rotateIssuerKey } from './issuer-keys.js'
import { statusAt } from './sd-jwt.status-cache.js'
import { type PublishedJwks, type SdJwtVcVerifyOptions, sdJwtVcVerifier } from './sd-jwt.verifier.js'
import { librarySdJwtVcVerifier } from './sd-jwt.verifier.test-support.js'

let t: TestContext
// A database, the demo people and the routes: minutes on a loaded machine, so longer than the default hook timeout.
beforeAll(async () => {
  t = await givenIssuer()
}, 600_000)
afterAll(() => t.close())

const officer = { id: 'officer-1', kind: 'officer' as const }
const b64json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** The status lists over HTTP, counting fetches; `fail` makes the next fetches fail (a verifier offline). */
const listsOverHttp = () => {
  const state = { fetches: 0, fail: false }
  const fetch = async (uri: string) => {
    state.fetches++
    if (state.fail) throw new Error('offline')
    const res = await t.app.inject({ method: 'GET', url: new URL(uri).pathname })
    if (res.statusCode !== 200) throw new Error(`status list: ${res.statusCode}`)
    return res.body
  }
  return { state, fetch }
}

const issuerSigner = async () => {
  const key = await activeIssuerKey(t.deps, 'sd-jwt')
  return { kid: key.kid, key: await importJWK(key.privateJwk, 'ES256') }
}

/** A status list JWT as the issuer would sign it, with one field changed. */
const craftedList = async (listJwt: string, change: { sub?: string; typ?: string; signer?: 'stranger' }) => {
  const claims = decodeJwt(listJwt)
  const stranger = await ES256.generateKeyPair()
  const { kid, key } =
    change.signer === 'stranger'
      ? { kid: 'stranger', key: await importJWK(stranger.privateKey as JWK, 'ES256') }
      : await issuerSigner()
  return new SignJWT({ ...claims, sub: change.sub ?? claims.sub })
    .setProtectedHeader({ alg: 'ES256', kid, typ: change.typ ?? 'statuslist+jwt' })
    .sign(key)
}

type Outcome = 'accept' | 'reject'
const outcome = (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    () => 'accept',
    () => 'reject',
  )

describe('our verifier accepts and refuses what the @sd-jwt library does (a corpus with tampered cases)', () => {
  type Case = {
    name: string
    presentation: string
    options: SdJwtVcVerifyOptions
    jwks?: PublishedJwks
    lists?: (uri: string) => Promise<string>
  }
  let corpus: { agree: Array<Case & { expected: Outcome }>; stricter: Case[] }

  beforeAll(async () => {
    const holder = await deviceKey()
    const thief = await deviceKey()
    const now = seconds(t)
    const kb = { iat: now, aud: 'https://verifier.example', nonce: 'n-1' }
    const withKb = { currentDate: now, keyBindingNonce: 'n-1' }
    const plain = { currentDate: now }
    const pid = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const other = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const revoked = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    await revokeCredential(t.deps, { id: revoked.id, reason: 'device lost', actor: officer })
    const licence = await issueDocumentSdJwt(t.deps, {
      document: drivingLicence(),
      holderJwk: holder.publicKey,
    })
    const shown = await present(
      pid.credential,
      holder.privateKey,
      { family_name: true, given_name: true, birth_date: true },
      kb,
    )
    const [jwt = '', ...rest] = pid.credential.split('~')
    const disclosures = rest.filter(Boolean)
    const [h = '', p = '', s = ''] = jwt.split('.')
    const tamperedValue = pid.credential
      .split('~')
      .map((d, i) =>
        i > 0 && d && b64json(d)[1] === 'birth_date' ? b64([b64json(d)[0], 'birth_date', '1985-01-01']) : d,
      )
      .join('~')
    const flip = (x: string) => `${x.slice(0, -2)}${x.at(-2) === 'A' ? 'B' : 'A'}${x.at(-1)}`
    const shownParts = shown.split('~')
    const list = await listsOverHttp().fetch(
      `${t.deps.config.publicUrl}/api/v1/credentials/status-lists/${pid.status.listId}`,
    )
    const jwks = (await issuerMetadata(t)).jwks
    const strangerList = await craftedList(list, { signer: 'stranger' })
    const elsewhereList = await craftedList(list, { sub: 'https://elsewhere.example/lists/1' })
    const oldKb = await present(
      pid.credential,
      holder.privateKey,
      { family_name: true },
      { ...kb, iat: now - 301 },
    )
    corpus = {
      agree: [
        { name: 'a whole credential', presentation: pid.credential, options: plain, expected: 'accept' },
        { name: 'a presentation with key binding', presentation: shown, options: withKb, expected: 'accept' },
        {
          name: 'nothing disclosed, with key binding',
          presentation: await present(pid.credential, holder.privateKey, {}, kb),
          options: withKb,
          expected: 'accept',
        },
        {
          name: 'disclosures in another order',
          presentation: [jwt, ...[...disclosures].reverse(), ''].join('~'),
          options: plain,
          expected: 'accept',
        },
        {
          name: 'a driving licence (nested claims)',
          presentation: licence.credential,
          options: plain,
          expected: 'accept',
        },
        {
          name: 'another nonce',
          presentation: shown,
          options: { ...withKb, keyBindingNonce: 'n-2' },
          expected: 'reject',
        },
        {
          name: 'a key-binding JWT from another device',
          presentation: await present(pid.credential, thief.privateKey, { family_name: true }, kb),
          options: withKb,
          expected: 'reject',
        },
        { name: 'a changed disclosure', presentation: tamperedValue, options: plain, expected: 'reject' },
        {
          name: "another credential's disclosure added",
          presentation: `${pid.credential}${other.credential.split('~')[1]}~`,
          options: plain,
          expected: 'reject',
        },
        {
          name: 'an altered issuer signature',
          presentation: [`${h}.${p}.${flip(s)}`, ...disclosures, ''].join('~'),
          options: plain,
          expected: 'reject',
        },
        {
          name: 'an altered issuer-signed payload',
          presentation: [
            `${h}.${b64({ ...b64json(p), vct: 'urn:vn:eid:other:1' })}.${s}`,
            ...disclosures,
            '',
          ].join('~'),
          options: plain,
          expected: 'reject',
        },
        {
          name: 'an expired credential',
          presentation: pid.credential,
          options: { currentDate: Math.floor(pid.expiresAt.getTime() / 1000) + 1 },
          expected: 'reject',
        },
        {
          name: 'a credential not yet valid',
          presentation: pid.credential,
          options: { currentDate: now - 60 },
          expected: 'reject',
        },
        {
          name: 'key binding asked for but absent',
          presentation: pid.credential,
          options: withKb,
          expected: 'reject',
        },
        {
          name: 'a disclosure removed after key binding (sd_hash)',
          presentation: [shownParts[0], ...shownParts.slice(2)].join('~'),
          options: withKb,
          expected: 'reject',
        },
        {
          name: 'an altered key-binding signature',
          presentation: [...shownParts.slice(0, -1), flip(shownParts.at(-1) ?? '')].join('~'),
          options: withKb,
          expected: 'reject',
        },
        {
          name: 'a revoked credential',
          presentation: revoked.credential,
          options: plain,
          expected: 'reject',
        },
        {
          name: 'an issuer key the verifier does not hold',
          presentation: pid.credential,
          options: plain,
          jwks: { keys: [] },
          expected: 'reject',
        },
        {
          name: 'a status list signed by a stranger',
          presentation: pid.credential,
          options: plain,
          lists: async () => strangerList,
          expected: 'reject',
        },
        {
          name: 'an expired status list',
          presentation: pid.credential,
          options: { currentDate: now + 86_400 + 1 },
          lists: async () => list,
          expected: 'reject',
        },
      ],
      // Rules the library leaves out; our verifier refuses these, the library accepts them.
      stricter: [
        {
          name: 'the status list JWT presented as a credential (typ)',
          presentation: `${list}~`,
          options: plain,
        },
        {
          name: 'a disclosure given twice',
          presentation: `${pid.credential}${disclosures[0]}~`,
          options: plain,
        },
        { name: 'a key-binding JWT older than 300 s', presentation: oldKb, options: withKb },
        {
          name: 'a key-binding JWT for another verifier',
          presentation: shown,
          options: { ...withKb, keyBindingAudience: 'https://bank.example' },
        },
        {
          name: "a status list whose sub is another list's",
          presentation: pid.credential,
          options: plain,
          lists: async () => elsewhereList,
        },
      ],
    }
    for (const c of [...corpus.agree, ...corpus.stricter]) {
      c.jwks ??= jwks
      c.lists ??= listsOverHttp().fetch
    }
  })

  const both = (c: Case) => ({
    ours: sdJwtVcVerifier(c.jwks as PublishedJwks, c.lists).verify(c.presentation, c.options),
    library: librarySdJwtVcVerifier(
      c.jwks as PublishedJwks,
      c.lists as (uri: string) => Promise<string>,
    ).verify(c.presentation, c.options),
  })

  test('same outcome on every case, and the same claims when accepted', async () => {
    expect(corpus.agree.length).toBe(20)
    for (const c of corpus.agree) {
      const { ours, library } = both(c)
      const [a, b] = await Promise.all([outcome(ours), outcome(library)])
      expect({ name: c.name, ours: a, library: b }).toEqual({
        name: c.name,
        ours: c.expected,
        library: c.expected,
      })
      if (c.expected === 'accept') {
        const [a, b] = await Promise.all([ours, library])
        expect(a.payload).toEqual(b.payload)
        expect(a.header).toEqual(b.header)
        expect(a.kb?.payload).toEqual(b.kb?.payload)
      }
    }
  })

  test('stricter than the library where RFC 9901 and the drafts ask for more', async () => {
    for (const c of corpus.stricter) {
      const { ours, library } = both(c)
      const [a, b] = await Promise.all([outcome(ours), outcome(library)])
      expect({ name: c.name, ours: a, library: b }).toEqual({
        name: c.name,
        ours: 'reject',
        library: 'accept',
      })
    }
  })

  test('a refusal carries a stable code and its reason', async () => {
    const c = corpus.agree.find((x) => x.name === 'a revoked credential') as Case
    const ours = sdJwtVcVerifier(c.jwks as PublishedJwks, c.lists).verify(c.presentation, c.options)
    await expect(ours).rejects.toMatchObject({
      code: 'credentials.PRESENTATION_INVALID',
      details: { reason: 'STATUS_INVALID' },
      message: expect.stringMatching(/status is not valid/i),
    })
  })
})

describe('status bits are read as the library reads them', () => {
  test.each([1, 2, 4, 8] as const)('%i bit(s) per entry', (bits) => {
    const values = Array.from({ length: 1024 }, (_, i) => (i * 7919 + (i >> 3)) % 2 ** bits)
    const list = new StatusList(values, bits)
    const bytes = Buffer.from(list.encodeStatusList())
    const decoded = StatusList.decompressStatusList(list.compressStatusList(), bits)
    for (let i = 0; i < values.length; i++) expect(statusAt(bytes, bits, i)).toBe(decoded.getStatus(i))
    expect(statusAt(bytes, bits, values.length)).toBeUndefined()
  })
})

describe('caches never outlive what they cache', () => {
  test('a status list is fetched once within its ttl, again after it, and then a revocation is seen', async () => {
    const { credential, id } = await issuePidSdJwt(t.deps, {
      personalId: AN,
      holderJwk: (await deviceKey()).publicKey,
    })
    const lists = listsOverHttp()
    const verifier = sdJwtVcVerifier((await issuerMetadata(t)).jwks, lists.fetch)
    const start = seconds(t)
    await Promise.all(Array.from({ length: 5 }, () => verifier.verify(credential, { currentDate: start })))
    expect(lists.state.fetches).toBe(1)

    await revokeCredential(t.deps, { id, reason: 'device lost', actor: officer })
    // Within the ttl the verifier still holds the list it fetched: the revocation is not seen yet.
    await verifier.verify(credential, { currentDate: start + 299 })
    expect(lists.state.fetches).toBe(1)

    t.clock.advance(300_000)
    await expect(verifier.verify(credential, { currentDate: seconds(t) })).rejects.toMatchObject({
      details: { reason: 'STATUS_INVALID' },
    })
    expect(lists.state.fetches).toBe(2)
  })

  test('a list past its ttl that cannot be fetched again fails the verification (no stale list)', async () => {
    const { credential } = await issuePidSdJwt(t.deps, {
      personalId: AN,
      holderJwk: (await deviceKey()).publicKey,
    })
    const lists = listsOverHttp()
    const verifier = sdJwtVcVerifier((await issuerMetadata(t)).jwks, lists.fetch)
    await verifier.verify(credential, { currentDate: seconds(t) })
    lists.state.fail = true
    await verifier.verify(credential, { currentDate: seconds(t) + 10 })
    await expect(verifier.verify(credential, { currentDate: seconds(t) + 300 })).rejects.toMatchObject({
      details: { reason: 'STATUS_UNAVAILABLE' },
    })
  })

  test('a key is trusted only by the verifier given it: an unknown kid, or another key under its kid, is refused', async () => {
    const { credential } = await issuePidSdJwt(t.deps, {
      personalId: AN,
      holderJwk: (await deviceKey()).publicKey,
    })
    const { jwks } = await issuerMetadata(t)
    const lists = listsOverHttp()
    await sdJwtVcVerifier(jwks, lists.fetch).verify(credential, { currentDate: seconds(t) })
    const kid = b64json(credential.split('.')[0] ?? '').kid as string
    const without = { keys: jwks.keys.filter((k) => k.kid !== kid) }
    await expect(
      sdJwtVcVerifier(without, lists.fetch).verify(credential, { currentDate: seconds(t) }),
    ).rejects.toMatchObject({
      details: { reason: 'UNKNOWN_KEY' },
    })
    const impostor = (await ES256.generateKeyPair()).publicKey as JWK
    const swapped = { keys: jwks.keys.map((k) => (k.kid === kid ? { ...impostor, kid, alg: 'ES256' } : k)) }
    await expect(
      sdJwtVcVerifier(swapped, lists.fetch).verify(credential, { currentDate: seconds(t) }),
    ).rejects.toMatchObject({
      details: { reason: 'SIGNATURE_INVALID' },
    })
  })

  test('after a key rotation a verifier holding the old key set refuses the new kid until it reads the metadata again', async () => {
    const before = sdJwtVcVerifier((await issuerMetadata(t)).jwks, listsOverHttp().fetch)
    await rotateIssuerKey(t.deps, 'sd-jwt')
    const { credential } = await issuePidSdJwt(t.deps, {
      personalId: AN,
      holderJwk: (await deviceKey()).publicKey,
    })
    await expect(before.verify(credential, { currentDate: seconds(t) })).rejects.toMatchObject({
      details: { reason: 'UNKNOWN_KEY' },
    })
    const after = sdJwtVcVerifier((await issuerMetadata(t)).jwks, listsOverHttp().fetch)
    await after.verify(credential, { currentDate: seconds(t) })
  })
})
