// Offline credentials come in batches: one per QR shown, so two verifiers cannot link two showings by the
// credential. A batch is used up, or dropped when it expires (with a margin: a QR must verify for 60 s).

export type CompactBatch = { credentials: string[]; expiresAt: string }

/** A credential shown must stay valid for the whole life of its QR. */
export const QR_LIFETIME_MS = 60_000

/** The next credential to show and what is left of the batch; null when the batch cannot serve one. */
export const takeFromBatch = (
  batch: CompactBatch | undefined,
  now: Date,
): { credential: string; rest: CompactBatch } | null => {
  if (!batch) return null
  const expires = Date.parse(batch.expiresAt)
  if (!Number.isFinite(expires) || expires - QR_LIFETIME_MS <= now.getTime()) return null
  const [credential, ...others] = batch.credentials
  if (credential === undefined) return null
  return { credential, rest: { credentials: others, expiresAt: batch.expiresAt } }
}

export type OfflineProfile = 'basic' | 'card' | 'document'

/** One batch per account, profile and document: a second person logging in on this browser gets their own. */
export const batchKey = (accountId: string, profile: OfflineProfile, documentId?: string) =>
  [accountId, profile, documentId ?? ''].join(':')
