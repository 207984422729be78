import { errors } from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { payloadAdapter } from './oidc.adapter.js'
import { cleanupOidc } from './oidc.cleanup.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
}, 120_000)
afterAll(() => t.close())

let n = 0
const fresh = (prefix: string) => `${prefix}-${++n}`

describe('the PostgreSQL storage adapter', () => {
  test('single use is one statement: of two concurrent consumes exactly one wins', async () => {
    const codes = payloadAdapter(t.deps, 'AuthorizationCode')
    const grantId = fresh('grant')
    const id = fresh('code')
    await codes.upsert(id, { grantId, clientId: 'rp_x', accountId: '079095001234' }, 60)
    const results = await Promise.allSettled([codes.consume(id), codes.consume(id)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const lost = results.find((r) => r.status === 'rejected')
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(errors.InvalidGrant)
  })

  test('the loser of a consume race revokes everything issued under the grant', async () => {
    const codes = payloadAdapter(t.deps, 'AuthorizationCode')
    const tokens = payloadAdapter(t.deps, 'AccessToken')
    const grants = payloadAdapter(t.deps, 'Grant')
    const grantId = fresh('grant')
    const id = fresh('code')
    await grants.upsert(grantId, { accountId: '079095001234', clientId: 'rp_x' }, 600)
    await codes.upsert(id, { grantId }, 60)
    await codes.consume(id)
    await tokens.upsert(fresh('at'), { grantId }, 600)
    await expect(codes.consume(id)).rejects.toBeInstanceOf(errors.InvalidGrant)
    const left = await t.db.selectFrom('oidc_payload').select('id').where('grant_id', '=', grantId).execute()
    expect(left).toEqual([])
    expect(await grants.find(grantId)).toBeUndefined()
  })

  test('a consumed row reads as consumed, and saving it again does not make it fresh', async () => {
    const tokens = payloadAdapter(t.deps, 'RefreshToken')
    const id = fresh('rt')
    await tokens.upsert(id, { grantId: fresh('grant'), rotations: 0 }, 600)
    expect((await tokens.find(id))?.consumed).toBeUndefined()
    await tokens.consume(id)
    const consumed = (await tokens.find(id))?.consumed
    expect(consumed).toBe(Math.floor(t.clock.now().getTime() / 1000))
    await tokens.upsert(id, { grantId: 'g', rotations: 1, consumed: undefined }, 600)
    expect((await tokens.find(id))?.consumed).toBe(consumed)
  })

  test('sessions are found by uid and device codes by user code; models do not see each other', async () => {
    const sessions = payloadAdapter(t.deps, 'Session')
    const devices = payloadAdapter(t.deps, 'DeviceCode')
    const uid = fresh('uid')
    await sessions.upsert(fresh('session'), { uid, accountId: '079095001234' }, 600)
    await devices.upsert(fresh('device'), { userCode: 'ABCD-EFGH', grantId: fresh('grant') }, 600)
    expect(await sessions.findByUid(uid)).toMatchObject({ uid, accountId: '079095001234' })
    expect(await devices.findByUserCode('ABCD-EFGH')).toMatchObject({ userCode: 'ABCD-EFGH' })
    expect(await payloadAdapter(t.deps, 'Interaction').findByUid(uid)).toBeUndefined()
  })

  test('revokeByGrantId removes that model’s rows of the grant and nothing else', async () => {
    const at = payloadAdapter(t.deps, 'AccessToken')
    const rt = payloadAdapter(t.deps, 'RefreshToken')
    const grantId = fresh('grant')
    const [a1, a2, r1, other] = [fresh('at'), fresh('at'), fresh('rt'), fresh('at')]
    await at.upsert(a1, { grantId }, 600)
    await at.upsert(a2, { grantId }, 600)
    await rt.upsert(r1, { grantId }, 600)
    await at.upsert(other, { grantId: fresh('grant') }, 600)
    await at.revokeByGrantId(grantId)
    expect([await at.find(a1), await at.find(a2)]).toEqual([undefined, undefined])
    expect(await rt.find(r1)).toBeDefined()
    expect(await at.find(other)).toBeDefined()
  })

  test('an expired row is invisible at once and deleted by the cleanup job; live rows stay', async () => {
    const at = payloadAdapter(t.deps, 'AccessToken')
    const [short, long] = [fresh('at'), fresh('at')]
    await at.upsert(short, { grantId: fresh('grant') }, 60)
    await at.upsert(long, { grantId: fresh('grant') }, 3600)
    t.clock.advance(61_000)
    expect(await at.find(short)).toBeUndefined()
    expect(await at.find(long)).toBeDefined()
    const { payloads } = await cleanupOidc(t.deps)
    expect(payloads).toBeGreaterThanOrEqual(1)
    const rows = await t.db.selectFrom('oidc_payload').select('id').where('id', 'in', [short, long]).execute()
    expect(rows.map((r) => r.id)).toEqual([long])
  })

  test('destroy removes one row', async () => {
    const interactions = payloadAdapter(t.deps, 'Interaction')
    const id = fresh('interaction')
    await interactions.upsert(id, { returnTo: '/oidc/auth/x' }, 600)
    await interactions.destroy(id)
    expect(await interactions.find(id)).toBeUndefined()
  })
})
