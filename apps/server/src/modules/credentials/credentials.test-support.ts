import { digest, ES256 } from '@sd-jwt/crypto-nodejs'
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import type { PresentationFrame } from '@sd-jwt/types'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import type { Database } from '../../database.js'
import { type FrozenClock, frozenClock } from '../../platform/clock.js'
import { loadConfig } from '../../platform/config.js'
import { installErrorHandler } from '../../platform/http/error-handler.js'
import { keysRoutes } from '../../platform/keys/keys.routes.js'
import { openTestDb, startTestKeyStore, type TestDb } from '../../test/harness.js'
import { seedDemoRegistry } from '../registry/index.js'
import type { DrivingLicence } from './credential.inputs.js'
import type { CredentialsDeps } from './credentials.issuance.js'
import { credentialsRoutes } from './credentials.routes.js'
import { type PublishedJwks, sdJwtVcVerifier } from './sd-jwt.verifier.js'

/** Nguyễn Văn An, born 15/03/1995, chip CCCD of 2021 (registry demo person). */
export const AN = '079095001234'

export type TestContext = {
  app: FastifyInstance
  deps: CredentialsDeps
  clock: FrozenClock
  db: Kysely<Database>
  handle: TestDb
  close(): Promise<void>
}

/**
 * The credentials routes (and the platform JWKS) on their own Fastify instance, with the registry's demo
 * people: the issuer needs nothing else, and other modules' work in progress cannot break these tests.
 */
export const givenIssuer = async (): Promise<TestContext> => {
  const handle = await openTestDb()
  const clock = frozenClock()
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' })
  const keys = await startTestKeyStore(handle.db, clock)
  const deps: CredentialsDeps = { db: handle.db, clock, keys, config }
  await seedDemoRegistry(handle, {
    asOf: clock.now().toISOString().slice(0, 10),
    now: clock.now(),
    population: 0,
  })
  const app = Fastify()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  keysRoutes(app, { keys } as Parameters<typeof keysRoutes>[1])
  credentialsRoutes(app, deps)
  await app.ready()
  return {
    app,
    deps,
    clock,
    db: handle.db,
    handle,
    close: async () => {
      await app.close()
      await handle.close()
    },
  }
}

/** A citizen app's device key pair (public and private JWK). */
export const deviceKey = () => ES256.generateKeyPair()

export const seconds = (t: TestContext) => Math.floor(t.clock.now().getTime() / 1000)

export const issuerMetadata = async (t: TestContext) => {
  const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwt-vc-issuer' })
  return res.json() as { issuer: string; jwks: PublishedJwks }
}

/** A verifier as a relying party builds it: the published keys, the status list fetched over HTTP. */
export const verifierFor = async (t: TestContext) =>
  sdJwtVcVerifier((await issuerMetadata(t)).jwks, async (uri) => {
    const res = await t.app.inject({ method: 'GET', url: new URL(uri).pathname })
    if (res.statusCode !== 200) throw new Error(`status list: ${res.statusCode}`)
    return res.body
  })

/** What the citizen app does: disclose only some claims, with a key-binding JWT for this verifier and nonce. */
export const present = async (
  credential: string,
  privateJwk: object,
  frame: PresentationFrame<Record<string, unknown>>,
  kb: { iat: number; aud: string; nonce: string },
) =>
  new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    kbSigner: await ES256.getSigner(privateJwk),
    kbSignAlg: 'ES256',
  }).present(credential, frame, { kb: { payload: kb } })

export const drivingLicence = (over: Partial<DrivingLicence> = {}): DrivingLicence => ({
  type: 'DRIVING_LICENCE',
  personalId: AN,
  number: '790123456789',
  issuingAuthority: 'Sở Giao thông Vận tải TP. Hồ Chí Minh',
  issuedOn: '2022-06-01',
  validTo: '2032-06-01',
  fields: {
    driving_privileges: [
      { vehicle_category_code: 'A1', issue_date: '2022-06-01' },
      { vehicle_category_code: 'B', issue_date: '2022-06-01', expiry_date: '2032-06-01' },
    ],
  },
  ...over,
})
