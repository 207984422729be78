import type { Command } from 'commander'
import { applyAutomaticLocks } from '../modules/accounts/index.js'
import { deriveOtpKey } from '../modules/authn/index.js'
import { policyFor } from '../modules/policy/index.js'
import { systemClock } from '../platform/clock.js'
import { loadKek } from '../platform/keys/index.js'
import { withDb } from './context.js'

export const accountsCommands = (program: Command) => {
  const accounts = program.command('accounts').description('electronic identity accounts')
  accounts
    .command('apply-locks')
    .description(
      'lock, unlock or close accounts as the registry now says (expired cards, deaths, cancelled numbers); end authority locks past their last day',
    )
    .action(() =>
      withDb(async ({ config, log, handle }) => {
        const report = await applyAutomaticLocks({
          db: handle.db,
          clock: systemClock,
          policy: policyFor(config.POLICY_PROFILE),
          otpKey: deriveOtpKey(loadKek(config, log)),
        })
        console.log(
          `checked ${report.checked}: locked ${report.locked}, unlocked ${report.unlocked}, closed ${report.closed}, authority locks ended ${report.authorityLocksEnded}`,
        )
      }),
    )
}
