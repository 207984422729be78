import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { enforceLockout, recordFailure, recordSuccess, verifySecret, verifyUnknown } from '../authn/index.js'
import { findAccountBySubject } from './account.repository.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { AccountRow } from './accounts.table.js'
import { usernameOf } from './username.js'

/**
 * The holder's password, checked as at login: the same answer and the same work for an unknown number,
 * failures counted towards the capped backoff of the account and address.
 */
export const checkPassword = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { username: string; password: string },
  ip: string,
): Promise<AccountRow> => {
  const who = { account: usernameOf(input.username), ip }
  await enforceLockout(deps, who)
  const account = await findAccountBySubject(deps.db, who.account)
  const ok = account?.password_hash
    ? await verifySecret(account.password_hash, input.password.normalize('NFC'))
    : await verifyUnknown(input.password)
  if (!ok || !account) {
    await recordFailure(deps, who)
    return fail(ACCOUNTS.INVALID_CREDENTIALS)
  }
  await recordSuccess(deps, who)
  return account
}
