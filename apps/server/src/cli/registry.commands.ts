import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import cliProgress from 'cli-progress'
import type { Command } from 'commander'
import { importRegistry, readPerson, seedRegistry } from '../modules/registry/index.js'
import { systemClock } from '../platform/clock.js'
import { withDb } from './context.js'

const bar = (label: string) =>
  new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  )

const positiveInt = (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive whole number, got "${v}"`)
  return n
}

export const registryCommands = (program: Command) => {
  const registry = program.command('registry').description('the national population registry')

  registry
    .command('seed')
    .description('add a deterministic synthetic population')
    .option('--count <n>', 'how many people', positiveInt, 10_000)
    .option('--seed <s>', 'the random seed (same seed, same people)', 'dinhdanh')
    .option('--as-of <date>', 'the date the population is generated for (YYYY-MM-DD)')
    .action((opts: { count: number; seed: string; asOf?: string }) =>
      withDb(async ({ handle }) => {
        const now = systemClock.now()
        const progress = bar('seeding')
        progress.start(opts.count, 0)
        const started = Date.now()
        const report = await seedRegistry(handle, {
          count: opts.count,
          seed: opts.seed,
          asOf: opts.asOf ?? vietnamDateOf(now),
          now,
          onProgress: (p) => progress.update(p.done),
        })
        progress.stop()
        const secs = (Date.now() - started) / 1000
        console.log(
          `inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}, ` +
            `foreigners ${report.foreigners} in ${secs.toFixed(1)} s (${Math.round(opts.count / secs)} people/s)`,
        )
      }),
    )

  registry
    .command('import <file>')
    .description('bulk import people from a CSV or NDJSON file (see docs/registry.md)')
    .option('--format <f>', 'csv or ndjson (default: from the file extension)')
    .option('--errors <n>', 'how many rejected rows to print', positiveInt, 50)
    .action((file: string, opts: { format?: 'csv' | 'ndjson'; errors: number }) =>
      withDb(async ({ handle }) => {
        if (opts.format && opts.format !== 'csv' && opts.format !== 'ndjson')
          throw new Error('--format must be csv or ndjson')
        const now = systemClock.now()
        const progress = bar('importing')
        let started = false
        const report = await importRegistry(handle, file, {
          asOf: vietnamDateOf(now),
          now,
          ...(opts.format ? { format: opts.format } : {}),
          onProgress: (p) => {
            if (!started && p.totalBytes) {
              progress.start(p.totalBytes, 0)
              started = true
            }
            if (started) progress.update(p.bytesRead)
          },
        })
        if (started) progress.stop()
        console.log(
          `inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`,
        )
        for (const r of report.rejected.slice(0, opts.errors))
          console.log(`  line ${r.line}: ${r.code} ${r.message}`)
        if (report.rejected.length > opts.errors)
          console.log(`  … and ${report.rejected.length - opts.errors} more`)
        if (report.rejected.length) process.exitCode = 2
      }),
    )

  registry
    .command('show <number>')
    .description('print one person by personal ID, old CMND or cancelled number (audited)')
    .option('--purpose <p>', 'why you are reading this record (written to the audit log)', 'cli-show')
    .action((number: string, opts: { purpose: string }) =>
      withDb(async ({ handle }) => {
        const person = await readPerson(
          { db: handle.db, clock: systemClock },
          {
            actor: `cli:${userInfo().username}`,
            unit: null,
            purpose: opts.purpose,
            requestId: randomUUID(),
          },
          number,
        )
        console.log(JSON.stringify(person, null, 2))
      }),
    )
}
