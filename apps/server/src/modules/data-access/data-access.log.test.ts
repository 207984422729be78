import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { type DataAccessEntry, listDataAccess, recordDataAccess } from './data-access.service.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
}, 120_000)
afterAll(() => t.close())

let n = 0
/** A release of `subjectId`'s data to a relying party of its own, one second after the previous one. */
const release = (subjectId: string, claims: string[] = ['name', 'birthdate']): DataAccessEntry => {
  n += 1
  return {
    subjectId,
    recipient: { kind: 'relying_party', id: `rp_test_${n}`, name: `Dịch vụ ${n}` },
    channel: 'oidc.userinfo',
    claims,
    purpose: 'Nộp hồ sơ',
    requestId: `req-${n}`,
  }
}

describe('the data-access log', () => {
  test('pages newest first, and a page boundary never skips or repeats a release in the same instant', async () => {
    const subject = '001190000001'
    for (let i = 0; i < 3; i++) await recordDataAccess(t.db, t.clock, release(subject))
    t.clock.advance(1000)
    // Two releases in one instant: the id orders them.
    await recordDataAccess(t.db, t.clock, release(subject))
    await recordDataAccess(t.db, t.clock, release(subject))
    const seen: string[] = []
    let before: string | undefined
    for (let page = 0; page < 5; page++) {
      const out = await listDataAccess(t.db, t.clock, subject, { limit: 2, before })
      seen.push(...out.items.map((r) => r.recipient.id))
      if (!out.next) break
      before = out.next
    }
    const all = (await listDataAccess(t.db, t.clock, subject, { limit: 50 })).items.map((r) => r.recipient.id)
    expect(seen).toEqual(all)
    expect(all).toHaveLength(5)
    expect(new Set(all).size).toBe(5)
    expect(all[0]).toBe(`rp_test_${n}`)
  })

  test('records claim names, sorted and once each, with purpose, channel and request id', async () => {
    const subject = '001190000002'
    await recordDataAccess(t.db, t.clock, release(subject, ['vn_id', 'name', 'name']))
    const [r] = (await listDataAccess(t.db, t.clock, subject, { limit: 10 })).items
    expect(r).toMatchObject({
      claims: ['name', 'vn_id'],
      channel: 'oidc.userinfo',
      purpose: 'Nộp hồ sơ',
      at: t.clock.now().toISOString(),
    })
  })

  test('a release without claim names is refused: there is nothing to log and nothing should leave', async () => {
    await expect(recordDataAccess(t.db, t.clock, release('001190000003', []))).rejects.toMatchObject({
      code: 'data_access.ENTRY_INVALID',
    })
  })

  test('the log is append-only: a row cannot be changed', async () => {
    const subject = '001190000004'
    await recordDataAccess(t.db, t.clock, release(subject))
    await expect(
      sql`UPDATE data_access_log SET purpose = 'khác' WHERE subject_id = ${subject}`.execute(t.db),
    ).rejects.toThrow(/append-only/)
  })

  test('releases older than five years are no longer shown (D69 Art 28)', async () => {
    const subject = '001190000005'
    await recordDataAccess(t.db, t.clock, release(subject))
    t.clock.advance(5 * 366 * 86_400_000)
    expect((await listDataAccess(t.db, t.clock, subject, { limit: 10 })).items).toEqual([])
  })

  test('a cursor the server did not give is refused with a stable code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/data-access?before=x' })
    expect(res.statusCode).toBe(401)
    await expect(
      listDataAccess(t.db, t.clock, '001190000001', { limit: 10, before: 'not-a-cursor' }),
    ).rejects.toMatchObject({ code: 'data_access.CURSOR_INVALID' })
  })
})
