import type { CounterDossierRow } from './enrolment.table.js'

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/** A counter dossier as officers see it (never the captures themselves, only the verification ids). */
export const toDossierView = (d: CounterDossierRow, today?: string) => ({
  id: d.id,
  number: d.number,
  kind: d.kind,
  state: d.state,
  subjectId: d.subject_id,
  fullName: d.full_name,
  dateOfBirth: d.date_of_birth,
  phone: d.phone,
  email: d.email,
  documents: d.documents,
  cardApplication: d.card_request,
  cardApplicationId: d.card_application_id,
  receivingUnit: d.unit_code,
  receivedBy: d.received_by_number,
  faceVerificationId: d.face_verification_id,
  fingerprintVerificationId: d.fingerprint_verification_id,
  biometricsVerifiedAt: iso(d.biometrics_verified_at),
  citizenConfirmedAt: iso(d.citizen_confirmed_at),
  receivedOn: d.received_on,
  dueOn: d.due_on,
  overdue: today !== undefined && d.due_on !== null && d.state === 'submitted' && d.due_on < today,
  decidedAt: iso(d.decided_at),
  reason: d.reason,
  accountId: d.account_id,
})
export type DossierView = ReturnType<typeof toDossierView>
