import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { type AuditEvent, listAuditBySubject, recordAudit, verifyAuditChain } from './index.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const read = (subject: string, n = 0): AuditEvent => ({
  actor: 'officer-1',
  actorKind: 'officer',
  action: 'registry.person.read',
  subject,
  subjectKind: 'person',
  purpose: 'verification',
  data: { n },
})
const append = (e: AuditEvent) => t.db.transaction().execute((trx) => recordAudit(trx, t.clock, e))
const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('platform_audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('audit log: append-only and all-or-nothing', () => {
  test('a failed transaction leaves no audit row', async () => {
    const before = await count()
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordAudit(trx, t.clock, read('001090000001'))
        throw new Error('the request failed after auditing')
      }),
    ).rejects.toThrow('the request failed')
    expect(await count()).toBe(before)
  })

  test('the database refuses to update or delete an audit row', async () => {
    const { id } = await append(read('001090000002'))
    await expect(
      t.db.updateTable('platform_audit_event').set({ purpose: 'x' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(t.db.deleteFrom('platform_audit_event').where('id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    )
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
  })

  test('concurrent appends keep one unbroken chain', async () => {
    const before = await count()
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(read('001090000003', i))))
    const verdict = await verifyAuditChain(t.db)
    expect(verdict).toEqual({ ok: true, count: before + 20 })
  })

  test('a subject’s history is listed newest first, page by page', async () => {
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000)
      await append(read('001090000004', i))
    }
    const page1 = await listAuditBySubject(t.db, '001090000004', { limit: 3 })
    expect(page1.map((e) => e.data)).toEqual([{ n: 4 }, { n: 3 }, { n: 2 }])
    const page2 = await listAuditBySubject(t.db, '001090000004', { limit: 3, before: page1.at(-1)?.seq })
    expect(page2.map((e) => e.data)).toEqual([{ n: 1 }, { n: 0 }])
  })

  test('audit data is kept small', async () => {
    await expect(append({ ...read('001090000005'), data: { blob: 'x'.repeat(5000) } })).rejects.toMatchObject(
      {
        code: 'audit.DATA_TOO_LARGE',
      },
    )
  })
})
