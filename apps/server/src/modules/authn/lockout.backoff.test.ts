import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { checkLockout, cleanupLoginFailures, recordFailure, recordSuccess } from './authn.lockout.js'
import { sourceOf } from './authn.source.js'
import { type AuthnTest, givenAuthn } from './authn.test-support.js'

let t: AuthnTest
beforeAll(async () => {
  t = await givenAuthn()
})
afterAll(() => t.close())
beforeEach(async () => {
  await t.handle.db.deleteFrom('authn_login_failure').execute()
  t.clock.set('2026-11-23T03:00:00Z')
})

const ACCOUNT = '079095001234'
const attacker = { account: ACCOUNT, ip: '203.0.113.66' }
const victim = { account: ACCOUNT, ip: '198.51.100.10' }
const fails = async (who: { account: string; ip: string }, n: number) => {
  let last = await recordFailure(t.deps, who)
  for (let i = 1; i < n; i++) last = await recordFailure(t.deps, who)
  return last
}
const lockSeconds = (s: Awaited<ReturnType<typeof recordFailure>>) => (s.locked ? s.retryAfterSeconds : 0)

describe('login lockout', () => {
  test('five failures from one source lock it for a minute', async () => {
    expect(await fails(attacker, 4)).toEqual({ locked: false })
    expect(await checkLockout(t.deps, attacker)).toEqual({ locked: false })
    const fifth = await recordFailure(t.deps, attacker)
    expect(fifth).toEqual({
      locked: true,
      until: new Date('2026-11-23T03:01:00Z'),
      scope: 'source',
      retryAfterSeconds: 60,
    })
    expect(await checkLockout(t.deps, attacker)).toMatchObject({ locked: true, scope: 'source' })
    t.clock.advance(60_000)
    expect(await checkLockout(t.deps, attacker)).toEqual({ locked: false })
  })

  test('the delay doubles with each further failure and stops at 15 minutes', async () => {
    await fails(attacker, 4)
    const delays: number[] = []
    for (let i = 0; i < 7; i++) {
      const s = await recordFailure(t.deps, attacker)
      delays.push(lockSeconds(s))
      t.clock.advance(lockSeconds(s) * 1000) // the attacker waits out each lock
    }
    expect(delays).toEqual([60, 120, 240, 480, 900, 900, 900])
  })

  test("an attacker's failures do not lock the victim out from elsewhere", async () => {
    await fails(attacker, 20)
    expect(await checkLockout(t.deps, attacker)).toMatchObject({ locked: true })
    expect(await checkLockout(t.deps, victim)).toEqual({ locked: false })
  })

  test('a success clears the counter of that source', async () => {
    await fails(victim, 4)
    await recordSuccess(t.deps, victim)
    expect(await fails(victim, 4)).toEqual({ locked: false })
  })

  test('failures are forgotten after a day without one', async () => {
    await fails(victim, 4)
    t.clock.advance(24 * 3600_000)
    expect(await fails(victim, 4)).toEqual({ locked: false })
  })

  test('guesses from many sources lock the account everywhere, except on a device it already used', async () => {
    for (let i = 1; i <= 9; i++)
      expect(await recordFailure(t.deps, { account: ACCOUNT, ip: `192.0.2.${i}` })).toEqual({
        locked: false,
      })
    const tenth = await recordFailure(t.deps, { account: ACCOUNT, ip: '192.0.2.10' })
    expect(tenth).toMatchObject({ locked: true, scope: 'account', retryAfterSeconds: 60 })
    expect(await checkLockout(t.deps, victim)).toMatchObject({ locked: true, scope: 'account' })
    expect(await checkLockout(t.deps, { ...victim, trustedDevice: true })).toEqual({ locked: false })
    t.clock.advance(60_000)
    expect(await recordFailure(t.deps, { account: ACCOUNT, ip: '192.0.2.11' })).toMatchObject({
      scope: 'account',
      retryAfterSeconds: 120,
    })
    t.clock.advance(3 * 3600_000) // the account-wide delay is capped too
    expect(await checkLockout(t.deps, victim)).toEqual({ locked: false })
  })

  test('an IPv6 /64 counts as one source', async () => {
    expect(sourceOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(sourceOf('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(sourceOf('::ffff:203.0.113.5')).toBe('203.0.113.5')
    await fails({ account: ACCOUNT, ip: '2001:db8:1:2::1' }, 3)
    expect(await fails({ account: ACCOUNT, ip: '2001:db8:1:2:ffff::9' }, 2)).toMatchObject({ locked: true })
  })

  test('cleanup deletes forgotten counters only', async () => {
    await fails(attacker, 1)
    t.clock.advance(24 * 3600_000)
    await fails(victim, 1)
    expect(await cleanupLoginFailures(t.deps)).toBe(1)
    expect(await t.handle.db.selectFrom('authn_login_failure').select('source').execute()).toEqual([
      { source: victim.ip },
    ])
  })
})
