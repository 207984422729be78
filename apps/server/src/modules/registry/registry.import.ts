import { createReadStream, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import type { LocalDate } from '@dinhdanh/vn-id'
import { parse } from 'csv-parse'
import type { Database } from '../../database.js'
import type { DbHandle } from '../../platform/db.js'
import { parseRow } from './registry.row.js'
import { type Rejection, type StagedRecord, writeRecords } from './registry.writer.js'

export type ImportFormat = 'csv' | 'ndjson'
export type ImportProgress = {
  rows: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  bytesRead: number
  totalBytes?: number
}
export type ImportReport = { inserted: number; updated: number; unchanged: number; rejected: Rejection[] }
export type ImportOptions = {
  /** Today's date for the rules ("not born in the future", card status defaults). */
  asOf: LocalDate
  /** Stamped on created_at / updated_at. */
  now: Date
  format?: ImportFormat
  batchSize?: number
  onProgress?: (p: ImportProgress) => void
}

type RawRow = { line: number; raw: unknown; bytesRead: number }

// The line a CSV record starts on: csv-parse reports the line it ended on.
async function* csvRows(input: Readable, counter: () => number): AsyncGenerator<RawRow> {
  const parser = input.pipe(
    parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: true }),
  )
  for await (const { record, info } of parser as AsyncIterable<{
    record: unknown
    info: { lines: number }
  }>) {
    yield { line: info.lines, raw: record, bytesRead: counter() }
  }
}

async function* ndjsonRows(input: Readable, counter: () => number): AsyncGenerator<RawRow> {
  let line = 0
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++
    if (text.trim() === '') continue
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      raw = Symbol.for('bad-json')
    }
    yield { line, raw, bytesRead: counter() }
  }
}

export const formatOf = (path: string): ImportFormat => (/\.(nd)?jsonl?$/i.test(path) ? 'ndjson' : 'csv')

/**
 * Imports citizens from a CSV or NDJSON file (docs/registry.md lists the columns). Bad rows are reported
 * with their line number and never written; good rows are upserted, so re-running a file changes nothing.
 */
export const importRegistry = async (
  handle: DbHandle<Database>,
  source: string | { stream: Readable; format: ImportFormat },
  opts: ImportOptions,
): Promise<ImportReport> => {
  const input = typeof source === 'string' ? createReadStream(source) : source.stream
  const format = typeof source === 'string' ? (opts.format ?? formatOf(source)) : source.format
  const totalBytes = typeof source === 'string' ? statSync(source).size : undefined
  let bytes = 0
  input.on('data', (chunk: Buffer | string) => {
    bytes += chunk.length
  })
  const rows = format === 'csv' ? csvRows(input, () => bytes) : ndjsonRows(input, () => bytes)
  const report: ImportReport = { inserted: 0, updated: 0, unchanged: 0, rejected: [] }
  const seenIds = new Set<string>()
  const seenOld = new Set<string>()
  const batchSize = opts.batchSize ?? 20_000
  let batch: StagedRecord[] = []
  let count = 0
  let bytesRead = 0

  const progress = () =>
    opts.onProgress?.({
      rows: count,
      inserted: report.inserted,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected.length,
      bytesRead,
      ...(totalBytes === undefined ? {} : { totalBytes }),
    })
  const flush = async () => {
    const out = await writeRecords(handle, batch, opts.now)
    report.inserted += out.inserted
    report.updated += out.updated
    report.unchanged += out.unchanged
    report.rejected.push(...out.rejected)
    batch = []
    progress()
  }

  for await (const row of rows) {
    count++
    bytesRead = row.bytesRead
    const result =
      typeof row.raw === 'symbol'
        ? { ok: false as const, code: 'registry.BAD_JSON', message: 'The line is not a JSON object' }
        : parseRow(row.raw, opts.asOf)
    if (!result.ok) {
      report.rejected.push({ line: row.line, code: result.code, message: result.message })
      continue
    }
    const r = result.record
    const oldNumbers = r.oldCmnd === null ? r.cancelledIds : [r.oldCmnd, ...r.cancelledIds]
    const duplicate = seenIds.has(r.personalId)
      ? `personal_id ${r.personalId} appears earlier in the file`
      : oldNumbers.find((n) => seenOld.has(n) || seenIds.has(n))
    if (duplicate !== undefined) {
      const message = duplicate.startsWith('personal_id')
        ? duplicate
        : `old number ${duplicate} appears earlier in the file`
      report.rejected.push({ line: row.line, code: 'registry.DUPLICATE_IN_FILE', message })
      continue
    }
    seenIds.add(r.personalId)
    for (const n of oldNumbers) seenOld.add(n)
    batch.push({ line: row.line, record: r })
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  report.rejected.sort((a, b) => a.line - b.line)
  return report
}
