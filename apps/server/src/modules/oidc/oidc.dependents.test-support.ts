import { expect } from 'vitest'
import { givenAccount, lastSmsCode } from '../accounts/accounts.test-support.js'
import { BAO, CUONG, DUNG, loggedIn } from '../accounts/dependents.test-support.js'
import { NOW } from '../registry/registry.test-support.js'
import { type OidcTest, PASSWORD, type TestAgent } from './oidc.test-support.js'

export { BAO, CUONG, DUNG }
export const WARD = { personalId: DUNG, fullName: 'Phạm Thị Dung', dateOfBirth: '1955' }

/**
 * Cường (level 2) with the password PASSWORD, Bảo's father in the demo registry and, here, Dung's guardian;
 * both registered under him through the citizen app's own API (Decree 69: accounts of their own).
 */
export const givenRepresentative = async (t: OidcTest) => {
  await givenAccount(t.db, { subjectId: CUONG, level: 2, password: PASSWORD, phone: '+84914004321', at: NOW })
  await t.db
    .insertInto('registry_relative')
    .values({ personal_id: CUONG, relation: 'ward', relative_id: DUNG })
    .execute()
  const cuong = await loggedIn(t, CUONG)
  for (const dependent of [BAO, WARD])
    expect((await cuong('POST', '/api/v1/me/dependents', dependent)).statusCode).toBe(200)
}

type Step = Awaited<ReturnType<TestAgent['go']>>

/**
 * Cường through the provider's pages: the password (and SMS code), the chooser with `subject` ('self' or a
 * dependent's ID number; undefined stops at the chooser), then consent. Returns the last step and the pages seen.
 */
export const signInAs = async (t: OidcTest, agent: TestAgent, url: URL, subject?: string) => {
  const pages: { chooser?: Step; consent?: Step } = {}
  let step = await agent.go(url.href)
  for (let i = 0; i < 6 && !step.callback; i++) {
    if (step.body.includes('/login"')) {
      t.clock.advance(1000)
      step = await agent.submit(step, 'login', { username: CUONG, password: PASSWORD })
    } else if (step.body.includes('/verify"'))
      step = await agent.submit(step, 'verify', { code: await lastSmsCode(t.db, 'otp.login_new_device') })
    else if (step.body.includes('/act-for"')) {
      pages.chooser = step
      if (subject === undefined) break
      step = await agent.submit(step, 'act-for', { subject })
    } else if (step.body.includes('/confirm"')) {
      pages.consent = step
      step = await agent.submit(step, 'confirm', {})
    } else break
  }
  return { step, ...pages }
}
