import type { Db } from '../../database.js'
import { auditHash, GENESIS_HASH } from './audit.hash.js'
import { auditBatchAfter, findAuditByHash, isAuditHashReferenced } from './audit.repository.js'
import type { AuditEventRow } from './audit.table.js'

export type AuditProblemKind = 'changed' | 'deleted' | 'reordered' | 'inserted'
/** `id` is null when the row named is missing (deleted). */
export type AuditProblem = { seq: number; id: string | null; kind: AuditProblemKind; detail: string }
export type AuditVerdict =
  | { ok: true; count: number }
  | { ok: false; count: number; problems: AuditProblem[] }
export type VerifyOptions = { batchSize?: number; maxProblems?: number }

type Link = { seq: number; id: string | null; hash: string }

async function* streamChain(db: Db, batchSize: number): AsyncGenerator<AuditEventRow> {
  let after = 0
  for (;;) {
    const batch = await auditBatchAfter(db, after, batchSize)
    yield* batch
    const last = batch.at(-1)
    if (!last || batch.length < batchSize) return
    after = last.seq
  }
}

/**
 * Walks the chain in seq order, in batches (constant memory for millions of rows), and names each
 * row that was changed, deleted, moved or slipped in. Only broken links cost extra lookups.
 */
export const verifyAuditChain = async (db: Db, opts: VerifyOptions = {}): Promise<AuditVerdict> => {
  const batchSize = opts.batchSize ?? 5000
  const maxProblems = opts.maxProblems ?? 1000
  const problems: AuditProblem[] = []
  const reported = new Set<string>()
  const report = (p: AuditProblem) => {
    const key = `${p.kind}:${p.seq}`
    if (reported.has(key) || problems.length >= maxProblems) return
    reported.add(key)
    problems.push(p)
  }
  const moved = new Set<number>()
  let prev: Link = { seq: 0, id: null, hash: GENESIS_HASH }
  let count = 0

  for await (const row of streamChain(db, batchSize)) {
    count++
    if (auditHash(row) !== row.hash) {
      report({ seq: row.seq, id: row.id, kind: 'changed', detail: 'its content no longer matches its hash' })
    }
    const linked = row.prev_hash === prev.hash
    if (row.seq !== prev.seq + 1) {
      if (linked)
        report({
          seq: row.seq,
          id: row.id,
          kind: 'changed',
          detail: `its seq was altered (expected ${prev.seq + 1})`,
        })
      else {
        const range = row.seq - 1 > prev.seq + 1 ? `${prev.seq + 1}..${row.seq - 1}` : `${prev.seq + 1}`
        report({
          seq: prev.seq + 1,
          id: null,
          kind: 'deleted',
          detail: `seq ${range} missing before seq ${row.seq} (${row.id})`,
        })
      }
    } else if (!linked) {
      await classifyBrokenLink(db, row, prev, moved, report)
    }
    prev = { seq: row.seq, id: row.id, hash: row.hash }
  }
  return problems.length ? { ok: false, count, problems } : { ok: true, count }
}

// The row right before `row` in seq order is not the one it links to: find out why.
const classifyBrokenLink = async (
  db: Db,
  row: AuditEventRow,
  prev: Link,
  moved: Set<number>,
  report: (p: AuditProblem) => void,
) => {
  const pred =
    row.prev_hash === GENESIS_HASH ? { seq: 0, id: null } : await findAuditByHash(db, row.prev_hash)
  if (!pred) {
    // Nothing has the hash it recorded: its predecessor was rewritten with a recomputed hash, or it is forged.
    if (await isAuditHashReferenced(db, row.hash)) {
      report({
        seq: prev.seq,
        id: prev.id,
        kind: 'changed',
        detail: `its hash is not the one seq ${row.seq} recorded (rewritten, or deleted and renumbered)`,
      })
    } else
      report({
        seq: row.seq,
        id: row.id,
        kind: 'inserted',
        detail: 'it links to a row that is not in the log',
      })
    return
  }
  if (moved.has(pred.seq)) return // a consequence of a row already reported as moved
  if (pred.seq < prev.seq && !moved.has(prev.seq) && !(await isAuditHashReferenced(db, prev.hash))) {
    report({
      seq: prev.seq,
      id: prev.id,
      kind: 'inserted',
      detail: `no row links to it; seq ${row.seq} links past it to seq ${pred.seq}`,
    })
    return
  }
  moved.add(row.seq)
  report({
    seq: row.seq,
    id: row.id,
    kind: 'reordered',
    detail: `it links to seq ${pred.seq}, not to seq ${prev.seq}`,
  })
}
