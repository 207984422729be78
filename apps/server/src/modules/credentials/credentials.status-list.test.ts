import { inflateSync } from 'node:zlib'
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { issuePidSdJwt, revokeCredential } from './credentials.service.js'
import {
  AN,
  deviceKey,
  givenIssuer,
  present,
  seconds,
  type TestContext,
  verifierFor,
} from './credentials.test-support.js'
import { allocateStatusIndex } from './status-list.repository.js'

let t: TestContext
// A database, the demo people and the routes: minutes on a loaded machine, so longer than the default hook timeout.
beforeAll(async () => {
  t = await givenIssuer()
}, 600_000)
afterAll(() => t.close())

const officer = { id: 'officer-1', kind: 'officer' as const }
const fetchList = (listId: number) =>
  t.app.inject({ method: 'GET', url: `/api/v1/credentials/status-lists/${listId}` })

// By hand, per the draft: zlib, then bit i of the list is bit (i mod 8) of byte floor(i / 8).
const bitByHand = (jwt: string, index: number) => {
  const { status_list } = decodeJwt(jwt) as { status_list: { bits: number; lst: string } }
  const bytes = inflateSync(Buffer.from(status_list.lst, 'base64url'))
  return ((bytes[index >> 3] ?? 0) >> (index & 7)) & 1
}

describe('Token Status List', () => {
  test('a revoked credential reads invalid in the published list, and its presentation is refused', async () => {
    const holder = await deviceKey()
    const kept = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const revoked = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const kb = { iat: seconds(t), aud: 'https://bank.example', nonce: 'n-1' }
    const shown = await present(revoked.credential, holder.privateKey, { family_name: true }, kb)
    await (await verifierFor(t)).verify(shown, { currentDate: seconds(t), keyBindingNonce: 'n-1' })

    await revokeCredential(t.deps, { id: revoked.id, reason: 'device lost', actor: officer })

    const res = await fetchList(revoked.status.listId)
    expect(res.headers['content-type']).toBe('application/statuslist+jwt')
    expect(res.headers['cache-control']).toBe('public, max-age=300')
    expect(decodeProtectedHeader(res.body)).toMatchObject({ typ: 'statuslist+jwt', alg: 'ES256' })
    expect(decodeJwt(res.body)).toMatchObject({
      sub: `${t.deps.config.publicUrl}/api/v1/credentials/status-lists/${revoked.status.listId}`,
      ttl: 300,
      status_list: { bits: 1 },
    })
    const list = getListFromStatusListJWT(res.body)
    expect(list.getStatus(revoked.status.index)).toBe(1)
    expect(list.getStatus(kept.status.index)).toBe(0)
    expect(bitByHand(res.body, revoked.status.index)).toBe(1)
    expect(bitByHand(res.body, kept.status.index)).toBe(0)

    await expect(
      (await verifierFor(t)).verify(shown, { currentDate: seconds(t), keyBindingNonce: 'n-1' }),
    ).rejects.toThrow(/status is not valid/i)
    await (await verifierFor(t)).verify(kept.credential, { currentDate: seconds(t) })
  })

  test('a credential is revoked once; an unknown one is not found', async () => {
    const { id } = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: (await deviceKey()).publicKey })
    await revokeCredential(t.deps, { id, reason: 'card replaced', actor: officer })
    await expect(revokeCredential(t.deps, { id, reason: 'again', actor: officer })).rejects.toMatchObject({
      code: 'credentials.ALREADY_REVOKED',
    })
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid'])
      await expect(
        revokeCredential(t.deps, { id: unknown, reason: 'x', actor: officer }),
      ).rejects.toMatchObject({
        code: 'credentials.NOT_FOUND',
      })
  })

  test('an unknown status list is a 404 with a code', async () => {
    const res = await fetchList(999_999)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'credentials.STATUS_LIST_NOT_FOUND' })
  })

  test('a status list is compressed: 131,072 entries fit in a few hundred bytes', async () => {
    const { status } = await issuePidSdJwt(t.deps, {
      personalId: AN,
      holderJwk: (await deviceKey()).publicKey,
    })
    const res = await fetchList(status.listId)
    expect(getListFromStatusListJWT(res.body).statusList).toHaveLength(131_072)
    expect(res.body.length).toBeLessThan(1_000)
  })
})

describe('status index allocation', () => {
  test('concurrent issuers never get the same index, and a full list spills into a new one', async () => {
    const now = t.clock.now()
    const taken = await Promise.all(
      Array.from({ length: 40 }, () => t.db.transaction().execute((trx) => allocateStatusIndex(trx, now, 8))),
    )
    const keys = taken.map((s) => `${s.listId}/${s.index}`)
    expect(new Set(keys).size).toBe(40)
    for (const s of taken) expect(s.index).toBeLessThan(131_072)
  })

  test('concurrent issuances get distinct status indexes', async () => {
    const holderJwk = (await deviceKey()).publicKey
    const issued = await Promise.all(
      Array.from({ length: 12 }, () => issuePidSdJwt(t.deps, { personalId: AN, holderJwk })),
    )
    expect(new Set(issued.map((c) => `${c.status.listId}/${c.status.index}`)).size).toBe(12)
  })
})
