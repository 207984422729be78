import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Policy } from '../policy/index.js'
import { matchDeclared, type PersonView } from '../registry/index.js'
import { findAccountBySubject } from './account.repository.js'
import type { DeclaredData, DossierRow } from './accounts.table.js'
import { type CheckDeps, type CheckOutcome, ownPhoneStep, rejected, selfieStep } from './dossier.checks.js'

// Level 1 by the applicant themself in the app, as the legal regime says (D69 Art 7; D59 Art 11): a
// child or a ward registers through a representative instead.
const eligible = (policy: Policy, person: PersonView, today: string) => {
  const card = person.cards[0]
  const cardValid = card?.status === 'valid' && (card.expiresOn === null || card.expiresOn > today)
  const e = policy.eligibility(
    {
      kind: 'citizen',
      dateOfBirth: person.dateOfBirth,
      hasValidCard: cardValid,
      alive: person.status === 'alive',
    },
    1,
    today,
  )
  return e.kind === 'eligible' && e.registrant === 'self'
}

/**
 * A citizen's dossier (DOMAIN §4 rule 1, §5.1): no account yet, the population registry match,
 * eligibility, the phone in their own name, the selfie against the portrait.
 */
export const checkCitizen = async (deps: CheckDeps, d: DossierRow): Promise<CheckOutcome> => {
  const subject = { id: d.subject_id, kind: 'citizen' as const }
  if (await findAccountBySubject(deps.db, d.subject_id)) return rejected(subject, 'ACCOUNT_EXISTS')
  const declared = d.declared as DeclaredData
  const match = await matchDeclared(deps.db, {
    personalId: d.subject_id,
    fullName: declared.fullName,
    dateOfBirth: declared.dateOfBirth,
  })
  if (match.kind !== 'match') return rejected(subject, 'DECLARED_DATA_MISMATCH')
  if (!eligible(deps.policy, match.person, vietnamDateOf(deps.clock.now())))
    return rejected(subject, 'NOT_ELIGIBLE')
  const phone = await ownPhoneStep(deps, d, subject, { personalId: d.subject_id })
  if (phone) return rejected(subject, phone)
  return { subject, ...(await selfieStep(deps, d, d.subject_id)) }
}
