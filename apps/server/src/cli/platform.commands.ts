import type { Command } from 'commander'
import { verifyAuditChain } from '../platform/audit/index.js'
import { systemClock } from '../platform/clock.js'
import { createKeyStore, loadKek } from '../platform/keys/index.js'
import { drainOutboxOnce, sendersFromConfig } from '../platform/notify/index.js'
import { withDb } from './context.js'

export const platformCommands = (program: Command) => {
  program
    .command('audit')
    .description('the audit log')
    .command('verify')
    .description('check the hash chain; names every changed, deleted, reordered or inserted row')
    .action(() =>
      withDb(async ({ handle }) => {
        const verdict = await verifyAuditChain(handle.db)
        if (verdict.ok) {
          console.log(`audit chain intact: ${verdict.count} events`)
          return
        }
        console.log(`audit chain BROKEN after checking ${verdict.count} events:`)
        for (const p of verdict.problems)
          console.log(`  seq ${p.seq} (${p.id ?? 'missing'}): ${p.kind} — ${p.detail}`)
        process.exitCode = 3
      }),
    )

  program
    .command('keys')
    .description('signing keys')
    .command('rotate')
    .description('make a new active signing key; the old public key stays in the JWKS')
    .action(() =>
      withDb(async ({ config, log, handle }) => {
        const keys = createKeyStore({ db: handle.db, clock: systemClock, log }, loadKek(config, log))
        await keys.ensureActiveKey()
        const { kid, retired } = await keys.rotateKeys()
        console.log(`active key ${kid}${retired ? `; retired ${retired}` : ''}`)
      }),
    )

  program
    .command('outbox')
    .description('the SMS and e-mail outbox')
    .command('drain')
    .description('deliver every due message once')
    .action(() =>
      withDb(async ({ config, log, handle }) => {
        const senders = sendersFromConfig(config)
        const report = await drainOutboxOnce({ db: handle.db, clock: systemClock, log }, senders)
        await Promise.all(Object.values(senders).map((s) => s.close?.()))
        console.log(`sent ${report.sent}, retried ${report.retried}, failed ${report.failed}`)
      }),
    )
}
