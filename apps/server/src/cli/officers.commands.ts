import type { Command } from 'commander'
import {
  addUnit,
  createOfficer,
  createOfficerTotpSealer,
  demoOfficerCode,
  findOfficerByNumber,
  listOfficers,
  listUnits,
  ROLES,
  type Role,
  reactivateOfficer,
  resetCredentials,
  UNIT_LEVELS,
  type UnitLevel,
} from '../modules/officers/index.js'
import { systemClock } from '../platform/clock.js'
import { loadKek } from '../platform/keys/index.js'
import { type CliContext, withDb } from './context.js'

// The operator at the command line manages everywhere; audited as the system actor `cli`.
const CLI = { kind: 'system', id: 'cli' } as const

const officersDeps = ({ config, log, handle }: CliContext) => ({
  db: handle.db,
  clock: systemClock,
  config,
  officerTotp: createOfficerTotpSealer(loadKek(config, log)),
})

/** Runs `fn` on the officer with that number; a clear message and exit code 1 when there is none. */
const onOfficer = (number: string, fn: (ctx: CliContext, id: string) => Promise<unknown>) =>
  withDb(async (ctx) => {
    const officer = await findOfficerByNumber(ctx.handle.db, number.trim().toUpperCase())
    if (!officer) {
      console.error(`no officer ${number}`)
      process.exitCode = 1
      return
    }
    console.log(JSON.stringify(await fn(ctx, officer.id), null, 2))
  })

const parseRoles = (text: string): Role[] => {
  const roles = text.split(',').map((r) => r.trim())
  for (const r of roles)
    if (!(ROLES as readonly string[]).includes(r))
      throw new Error(`unknown role ${r} (roles: ${ROLES.join(', ')})`)
  return roles as Role[]
}

export const officersCommands = (program: Command) => {
  const officers = program.command('officers').description('police officer accounts')
  officers
    .command('add')
    .description(
      'create an officer: prints the one-time password once, as JSON; the officer sets their own password ' +
        'and enrols the authenticator at the first login',
    )
    .requiredOption('--number <number>', 'officer number, e.g. CB-0001')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--unit <code>', 'unit code, e.g. PC06-001')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .action((opts: { number: string; name: string; unit: string; roles: string }) =>
      withDb(async (ctx) => {
        const enrolment = await createOfficer(
          officersDeps(ctx),
          { id: CLI.id, kind: CLI.kind },
          {
            officerNumber: opts.number.trim().toUpperCase(),
            fullName: opts.name,
            unitCode: opts.unit,
            roles: parseRoles(opts.roles),
          },
        )
        console.log(JSON.stringify(enrolment, null, 2))
      }),
    )
  officers
    .command('add-unit')
    .description('add a police unit (central, province, commune or immigration_office)')
    .requiredOption('--code <code>', 'unit code, e.g. PC06-001')
    .requiredOption('--name <name>', 'unit name')
    .requiredOption('--level <level>', UNIT_LEVELS.join(' | '))
    .option('--parent <code>', 'parent unit code (required for a commune)')
    .option('--province <code>', 'three-digit province code (required for province and commune)')
    .action((opts: { code: string; name: string; level: string; parent?: string; province?: string }) =>
      withDb(async ({ handle }) => {
        if (!(UNIT_LEVELS as readonly string[]).includes(opts.level))
          throw new Error(`unknown level ${opts.level} (levels: ${UNIT_LEVELS.join(', ')})`)
        const unit = await addUnit({ db: handle.db, clock: systemClock }, CLI, {
          code: opts.code,
          name: opts.name,
          level: opts.level as UnitLevel,
          parentCode: opts.parent ?? null,
          provinceCode: opts.province ?? null,
        })
        console.log(JSON.stringify(unit))
      }),
    )
  officers
    .command('totp <number>')
    .description('print the current authenticator code of a DEMO officer (DEMO_SEED only; docs/officers.md)')
    .action((number: string) =>
      withDb(async ({ config, handle }) => {
        const code = await demoOfficerCode({ db: handle.db, clock: systemClock, config }, number)
        if (code === null) {
          console.error(`${number} is not a demo officer of this database (or DEMO_SEED is off)`)
          process.exitCode = 1
        } else console.log(code)
      }),
    )
  officers
    .command('list')
    .description('list officers as JSON lines (never secrets)')
    .action(() =>
      withDb(async ({ handle }) => {
        for (const o of await listOfficers(handle.db))
          console.log(
            JSON.stringify({
              id: o.id,
              officerNumber: o.officer_number,
              fullName: o.full_name,
              unit: o.unit_code,
              roles: o.roles,
              status: o.status,
              enrolled: o.totp_confirmed_at !== null,
              passwordChangeRequired: o.password_change_required,
            }),
          )
      }),
    )
  officers
    .command('reset-password <number>')
    .description('a new one-time password (printed once, as JSON); the officer changes it at the next login')
    .action((number: string) =>
      onOfficer(number, (ctx, id) => resetCredentials(officersDeps(ctx), CLI, id, 'password')),
    )
  officers
    .command('reset-totp <number>')
    .description(
      'for a lost authenticator: removes it and prints a one-time password; the next login enrols a new one',
    )
    .action((number: string) =>
      onOfficer(number, (ctx, id) => resetCredentials(officersDeps(ctx), CLI, id, 'authenticator')),
    )
  officers
    .command('reactivate <number>')
    .description('reactivate a suspended officer (same password and authenticator)')
    .action((number: string) => onOfficer(number, (ctx, id) => reactivateOfficer(officersDeps(ctx), CLI, id)))
  officers
    .command('units')
    .description('list police units as JSON lines, with their number of officers')
    .action(() =>
      withDb(async ({ handle }) => {
        for (const unit of await listUnits({ db: handle.db, clock: systemClock }, CLI))
          console.log(JSON.stringify(unit))
      }),
    )
}
