import type { Deps } from '../../deps.js'
import { findAccountBySubject } from '../accounts/index.js'
import { FOREIGNER_ID, findPersonRecord } from '../registry/index.js'
import { addressClaim } from './oidc.claims.address.js'
import { verifiedClaimsOf } from './oidc.verified-claims.js'

type ClaimsDeps = Pick<Deps, 'db'>

// The scopes whose claims come from the e-ID account rather than the registry's profile.
const ACCOUNT_SCOPES = ['phone', 'email', 'vn_verified']

/** The permanent residence on the population registry; foreigners' records hold no address in Vietnam. */
const addressOf = async (deps: ClaimsDeps, subjectId: string) => {
  if (FOREIGNER_ID.test(subjectId)) return {}
  const p = await findPersonRecord(deps.db, subjectId)
  const address = p ? addressClaim(p.permanent_address, p.permanent_province) : undefined
  return address ? { address } : {}
}

/**
 * The claims of the `address`, `phone`, `email` and `vn_verified` scopes (docs/oidc.md). The phone was
 * proved by an SMS code at activation (and at every change); the e-mail was declared, never proved.
 */
export const extraClaims = async (
  deps: ClaimsDeps,
  subjectId: string,
  scopes: ReadonlySet<string>,
): Promise<Record<string, unknown>> => {
  const account = ACCOUNT_SCOPES.some((s) => scopes.has(s))
    ? await findAccountBySubject(deps.db, subjectId)
    : undefined
  const verified =
    account && scopes.has('vn_verified')
      ? await verifiedClaimsOf(deps, account, scopes.has('vn_id'))
      : undefined
  return {
    ...(scopes.has('address') ? await addressOf(deps, subjectId) : {}),
    ...(account && scopes.has('phone') ? { phone_number: account.phone, phone_number_verified: true } : {}),
    ...(account?.email && scopes.has('email') ? { email: account.email, email_verified: false } : {}),
    ...(verified ? { verified_claims: verified } : {}),
  }
}
