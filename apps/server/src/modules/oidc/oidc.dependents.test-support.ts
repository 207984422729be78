import { expect } from 'vitest'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { BAO, CUONG, DUNG, loggedIn } from '../accounts/dependents.test-support.js'
import { NOW } from '../registry/registry.test-support.js'
import { type OidcTest, PASSWORD } from './oidc.test-support.js'

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
