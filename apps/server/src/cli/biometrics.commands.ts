import { readFile, writeFile } from 'node:fs/promises'
import { type Command, Option } from 'commander'
import {
  type BiometricActor,
  type BiometricUse,
  createBiometricsRuntime,
  demoLaterCapture,
  enrolFace,
  seedSyntheticBiometrics,
  verifyFace,
} from '../modules/biometrics/index.js'
import { personIdsAfter } from '../modules/registry/index.js'
import { systemClock } from '../platform/clock.js'
import { loadKek } from '../platform/keys/index.js'
import { type CliContext, withDb } from './context.js'

const OPERATOR: BiometricActor = { id: 'cli-operator', kind: 'officer', purpose: 'operator-cli' }

// The engine needs the KEK (templates are sealed) and is closed with the command.
const withBiometrics = <T>(fn: (ctx: CliContext, deps: Parameters<typeof verifyFace>[0]) => Promise<T>) =>
  withDb(async (ctx) => {
    const biometrics = createBiometricsRuntime({
      config: ctx.config,
      kek: loadKek(ctx.config, ctx.log),
      log: ctx.log,
    })
    try {
      return await fn(ctx, { db: ctx.handle.db, clock: systemClock, biometrics })
    } finally {
      await biometrics.close()
    }
  })

export const biometricsCommands = (program: Command) => {
  const bio = program.command('biometrics').description('faces and fingerprints')
  bio
    .command('verify-face')
    .description("check a photo against a person's enrolled face; prints the decision as JSON")
    .argument('<personal-id>')
    .argument('<image-file>', 'a JPEG, PNG or WebP photo')
    .addOption(
      new Option('--use <use>', 'whose policy decides')
        .choices(['counter_capture', 'app_selfie', 'payment'])
        .default('counter_capture'),
    )
    .action((id: string, file: string, opts: { use: BiometricUse }) =>
      withBiometrics(async (_ctx, deps) => {
        const result = await verifyFace(deps, OPERATOR, {
          subjectId: id,
          image: await readFile(file),
          use: opts.use,
        })
        console.log(JSON.stringify(result, null, 2))
      }),
    )
  bio
    .command('enrol-face')
    .description("enrol (or replace) a person's face from a portrait; prints possible duplicates")
    .argument('<personal-id>')
    .argument('<image-file>')
    .action((id: string, file: string) =>
      withBiometrics(async (_ctx, deps) => {
        const result = await enrolFace(deps, OPERATOR, {
          subjectId: id,
          image: await readFile(file),
          source: 'registry',
        })
        console.log(JSON.stringify(result, null, 2))
      }),
    )
  bio
    .command('seed')
    .description('synthetic templates (a face, both index fingers) for every registry person who has none')
    .action(() =>
      withBiometrics(async (ctx, deps) => {
        const matcher = deps.biometrics.matcher()
        const versions = {
          face: matcher.face.modelVersion,
          fingerprint: matcher.fingerprint.modelVersion,
          dim: matcher.face.dim,
        }
        let after = ''
        let faces = 0
        for (;;) {
          const ids = await personIdsAfter(ctx.handle.db, after, 2_000)
          if (ids.length === 0) break
          after = ids.at(-1) as string
          faces += (await seedSyntheticBiometrics(deps.db, deps.biometrics, deps.clock, ids, versions)).faces
          process.stderr.write(`\r${faces} people`)
        }
        console.log(`\nsynthetic templates for ${faces} people (existing templates kept)`)
      }),
    )
  bio
    .command('demo-photo')
    .description("write another photo of the demo man (Nguyễn Văn An's portrait) to a file, to try a check")
    .argument('<file>')
    .action(async (file: string) => {
      await writeFile(file, await demoLaterCapture())
      console.log(`wrote ${file}`)
    })
}
