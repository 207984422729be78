import { parsePhone } from '@dinhdanh/vn-id'
import { fail } from '../../platform/errors.js'
import { ACCOUNTS } from './accounts.errors.js'

/** A Vietnamese mobile number in any accepted form as E.164 (+84…), or accounts.INVALID_PHONE. */
export const toE164 = (phone: string): string => {
  const p = parsePhone(phone)
  return p.ok ? p.value.e164 : fail(ACCOUNTS.INVALID_PHONE, p.message)
}
