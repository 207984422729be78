import { type Kysely, sql, type Transaction } from 'kysely'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Database } from '../../database.js'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { frozenClock } from '../clock.js'
import { auditHash, recordAudit, verifyAuditChain } from './index.js'

let h: TestDb
const clock = frozenClock()

const appendEvents = async (db: Kysely<Database>, n: number) => {
  for (let i = 1; i <= n; i++) {
    clock.advance(1000)
    await db.transaction().execute((trx) =>
      recordAudit(trx, clock, {
        actor: 'officer-7',
        actorKind: 'officer',
        action: 'registry.person.read',
        subject: `00109${String(i).padStart(7, '0')}`,
        subjectKind: 'person',
        purpose: 'counter enrolment',
        data: { n: i, fields: ['name', 'dob'] },
      }),
    )
  }
}

// Tests play a superuser with direct table access: replica mode skips the append-only trigger.
const tamper = (db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<unknown>) =>
  db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx)
    await fn(trx)
  })

const rowAt = (db: Kysely<Database>, seq: number) =>
  db.selectFrom('platform_audit_event').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow()

beforeEach(async () => {
  h = await openTestDb()
  await appendEvents(h.db, 6)
})
afterEach(() => h.close())

describe('audit chain: tampering is detected and the row named', () => {
  test('an untouched chain verifies', async () => {
    expect(await verifyAuditChain(h.db, { batchSize: 4 })).toEqual({ ok: true, count: 6 })
  })

  test('a changed row no longer matches its hash', async () => {
    const row = await rowAt(h.db, 3)
    await tamper(h.db, (trx) =>
      trx.updateTable('platform_audit_event').set({ purpose: 'curiosity' }).where('seq', '=', 3).execute(),
    )
    expect(await verifyAuditChain(h.db, { batchSize: 4 })).toEqual({
      ok: false,
      count: 6,
      problems: [{ seq: 3, id: row.id, kind: 'changed', detail: expect.any(String) }],
    })
  })

  test('a row rewritten with a recomputed hash is caught by the link of the row after it', async () => {
    const row = await rowAt(h.db, 3)
    const forged = { ...row, purpose: 'curiosity' }
    await tamper(h.db, (trx) =>
      trx
        .updateTable('platform_audit_event')
        .set({ purpose: forged.purpose, hash: auditHash(forged) })
        .where('seq', '=', 3)
        .execute(),
    )
    const verdict = await verifyAuditChain(h.db)
    expect(verdict).toMatchObject({ ok: false, problems: [{ seq: 3, id: row.id, kind: 'changed' }] })
  })

  test('a deleted row leaves a gap that is reported', async () => {
    await tamper(h.db, (trx) => trx.deleteFrom('platform_audit_event').where('seq', '=', 4).execute())
    expect(await verifyAuditChain(h.db, { batchSize: 2 })).toEqual({
      ok: false,
      count: 5,
      problems: [{ seq: 4, id: null, kind: 'deleted', detail: expect.stringContaining('seq 4 missing') }],
    })
  })

  test('swapped rows are reported as reordered', async () => {
    const [r3, r4] = [await rowAt(h.db, 3), await rowAt(h.db, 4)]
    await tamper(h.db, async (trx) => {
      const setSeq = (from: number, to: number) =>
        trx.updateTable('platform_audit_event').set({ seq: to }).where('seq', '=', from).execute()
      await setSeq(3, -1)
      await setSeq(4, 3)
      await setSeq(-1, 4)
    })
    const verdict = await verifyAuditChain(h.db)
    expect(verdict).toMatchObject({
      ok: false,
      problems: [
        { seq: 3, id: r4.id, kind: 'reordered' },
        { seq: 4, id: r3.id, kind: 'reordered' },
      ],
    })
    if (!verdict.ok) expect(verdict.problems).toHaveLength(2)
  })

  test('a forged row slipped into the middle is reported as inserted', async () => {
    const r2 = await rowAt(h.db, 2)
    const forged = {
      ...r2,
      id: '00000000-0000-4000-8000-000000000001',
      action: 'registry.person.update',
      prev_hash: r2.hash,
    }
    await tamper(h.db, async (trx) => {
      // Make room at seq 3 by renumbering the tail, then insert a self-consistent forgery.
      for (let seq = 6; seq >= 3; seq--) {
        await trx
          .updateTable('platform_audit_event')
          .set({ seq: seq + 1 })
          .where('seq', '=', seq)
          .execute()
      }
      await trx
        .insertInto('platform_audit_event')
        .values({ ...forged, seq: 3, data: JSON.stringify(forged.data), hash: auditHash(forged) })
        .execute()
    })
    const verdict = await verifyAuditChain(h.db, { batchSize: 3 })
    expect(verdict).toMatchObject({
      ok: false,
      count: 7,
      problems: [{ seq: 3, id: forged.id, kind: 'inserted' }],
    })
    if (!verdict.ok) expect(verdict.problems).toHaveLength(1)
  })
})
