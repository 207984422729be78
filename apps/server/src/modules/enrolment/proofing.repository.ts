import type { Db } from '../../database.js'

/** How an account reached level 2 at a counter: the approved dossier and its biometric checks (D69 Art 10(2)). */
export type CounterProofing = {
  dossierId: string
  kind: 'CITIZEN_L2_COUNTER' | 'FOREIGNER_L2_COUNTER'
  decidedAt: Date
  biometricsVerifiedAt: Date | null
  faceVerificationId: string | null
  fingerprintVerificationId: string | null
}

/** The latest approved counter dossier that granted this account level 2 (by subject: that column is indexed). */
export const counterProofingOf = async (
  db: Db,
  subjectId: string,
  accountId: string,
): Promise<CounterProofing | undefined> => {
  const d = await db
    .selectFrom('enrolment_counter_dossier')
    .select([
      'id',
      'kind',
      'decided_at',
      'biometrics_verified_at',
      'face_verification_id',
      'fingerprint_verification_id',
    ])
    .where('subject_id', '=', subjectId)
    .where('account_id', '=', accountId)
    .where('state', '=', 'approved')
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return d?.decided_at
    ? {
        dossierId: d.id,
        kind: d.kind,
        decidedAt: new Date(d.decided_at),
        biometricsVerifiedAt: d.biometrics_verified_at ? new Date(d.biometrics_verified_at) : null,
        faceVerificationId: d.face_verification_id,
        fingerprintVerificationId: d.fingerprint_verification_id,
      }
    : undefined
}
