import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Policy } from '../policy/index.js'
import { type ForeignerRecord, matchForeigner } from '../registry/index.js'
import { findAccountBySubject } from './account.repository.js'
import type { DeclaredData, DossierRow } from './accounts.table.js'
import { type CheckDeps, type CheckOutcome, ownPhoneStep, rejected, selfieStep } from './dossier.checks.js'

// A foreigner of 6 or more with a valid residence card registers level 1 themself (D69 Art 7(2)); Decree 59
// asks for a valid passport instead.
const eligible = (policy: Policy, f: ForeignerRecord, today: string) => {
  const e = policy.eligibility(
    {
      kind: 'foreigner',
      dateOfBirth: f.dateOfBirth,
      hasValidCard: f.residenceCard.expiresOn === null || f.residenceCard.expiresOn > today,
      hasValidTravelDocument: f.passport.expiresOn > today,
      alive: f.status === 'alive',
    },
    1,
    today,
  )
  return e.kind === 'eligible' && e.registrant === 'self'
}

/**
 * A foreigner's dossier (DOMAIN §4 rule 1, §5.4): the immigration data match (passport, nationality,
 * residence card, name, birth date; an expired passport or card does not match), no account yet for the
 * foreigner ID found, eligibility, the phone in their own name, the selfie against their portrait.
 */
export const checkForeigner = async (deps: CheckDeps, d: DossierRow): Promise<CheckOutcome> => {
  const declared = d.declared as DeclaredData
  const today = vietnamDateOf(deps.clock.now())
  const match = await matchForeigner(
    deps.db,
    {
      passportNumber: declared.passportNumber ?? '',
      nationality: declared.nationality ?? '',
      residenceCardNumber: declared.residenceCardNumber ?? '',
      fullName: declared.fullName,
      dateOfBirth: declared.dateOfBirth,
    },
    today,
  )
  // Until matched the dossier is known only by the declared passport.
  if (match.kind !== 'match')
    return rejected({ id: d.subject_id, kind: 'foreigner' }, 'DECLARED_DATA_MISMATCH')
  const f = match.person
  const subject = { id: f.foreignerId, kind: 'foreigner' as const }
  if (await findAccountBySubject(deps.db, f.foreignerId)) return rejected(subject, 'ACCOUNT_EXISTS')
  if (!eligible(deps.policy, f, today)) return rejected(subject, 'NOT_ELIGIBLE')
  const phone = await ownPhoneStep(deps, d, subject, {
    foreignerId: f.foreignerId,
    passport: { nationality: f.nationality, number: f.passport.number },
  })
  if (phone) return rejected(subject, phone)
  return { subject, ...(await selfieStep(deps, d, f.foreignerId)) }
}
