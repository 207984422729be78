import { expect } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { givenAccount, lastSmsCode } from '../accounts/accounts.test-support.js'
import { type TestBrowser, testBrowser } from '../accounts/session.test-support.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { seedDemoSources } from './sandbox.demo.js'

export const AN = '079095001234'
export const BINH = '001190012345'
export const CUONG = '001088004321'
export const DUNG = '036155000777'
export const PASSWORD = 'Hanoi@2026x'

/** The demo registry and the sandboxes' demo records; An, Bình and Cường at level 2, Dung at level 1. */
export const givenDemoSources = async (t: TestContext) => {
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  await seedDemoSources(t.deps)
  for (const [subjectId, level] of [
    [AN, 2],
    [BINH, 2],
    [CUONG, 2],
    [DUNG, 1],
  ] as const)
    await givenAccount(t.db, { subjectId, level, password: PASSWORD, phone: '+84912345678', at: NOW })
}

/** A citizen logged in through the real routes (new device: the SMS code). */
export const citizen = async (t: TestContext, username: string): Promise<TestBrowser> => {
  const b = testBrowser(t.app)
  t.clock.advance(1000)
  const first = await b.call('POST', '/api/v1/auth/login', { username, password: PASSWORD })
  if (first.statusCode === 202) {
    const done = await b.call('POST', '/api/v1/auth/login/verify', {
      challengeId: first.json().challengeId,
      code: await lastSmsCode(t.db, 'otp.login_new_device'),
    })
    expect(done.statusCode, done.body).toBe(200)
  } else expect(first.statusCode, first.body).toBe(200)
  return b
}

/** Integrates through the API and returns the response. */
export const integrate = (b: TestBrowser, kind: string, number: string) =>
  b.call('POST', '/api/v1/documents', { kind, number }, b.csrf())

/** The audit actions recorded under a subject for documents, oldest first. */
export const documentAudit = async (t: TestContext, subject: string) =>
  (
    await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor', 'actor_kind', 'data'])
      .where('subject', '=', subject)
      .where('action', 'like', 'documents.%')
      .orderBy('seq')
      .execute()
  ).map((e) => ({ action: e.action, actor: e.actor, actorKind: e.actor_kind, data: e.data }))
