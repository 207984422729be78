import type { Db } from '../../database.js'

/** How a level-1 account was proofed in the app: its approved dossier (registry match and selfie check). */
export type AppProofing = { dossierId: string; decidedAt: Date; selfieVerificationId: string | null }

/** The app dossier behind an account, by the account's own link to it (none for one a representative filed). */
export const appProofingOf = async (db: Db, dossierId: string | null): Promise<AppProofing | undefined> => {
  if (!dossierId) return undefined
  const d = await db
    .selectFrom('accounts_dossier')
    .select(['id', 'decided_at', 'verification_id'])
    .where('id', '=', dossierId)
    .where('state', '=', 'approved')
    .executeTakeFirst()
  return d?.decided_at
    ? { dossierId: d.id, decidedAt: new Date(d.decided_at), selfieVerificationId: d.verification_id }
    : undefined
}
