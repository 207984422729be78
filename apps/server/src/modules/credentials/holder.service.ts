import type { Transaction } from 'kysely'
import type { Database, Db } from '../../database.js'
import { type ActorKind, recordAudit } from '../../platform/audit/index.js'
import type { Clock } from '../../platform/clock.js'
import { fail } from '../../platform/errors.js'
import { FOREIGNER_ID } from '../registry/index.js'
import { type CredentialDocument, DrivingLicence } from './credential.inputs.js'
import { CREDENTIALS } from './credentials.errors.js'
import type { CredentialsDeps } from './credentials.issuance.js'
import { issueDocumentSdJwt, issuePidSdJwt } from './credentials.service.js'
import type { CredentialFormat } from './credentials.table.js'
import { issuedToSubject, ownedCredential, revokeFromSource, revokeOwned } from './holder.repository.js'
import { verifyHolderProof } from './holder-proof.js'
import { issueDrivingLicenceMdoc } from './mdoc.issuer.js'

/**
 * What the documents module answers when asked for one of the holder's integrated documents: the
 * document as a credential input and whether it is in force, or that the holder has no such document.
 * The credentials module never reads the documents module's tables: the composition root passes the
 * documents module's function in (routes.ts), so neither module imports the other both ways.
 */
export type HolderDocumentLookup =
  | { kind: 'found'; document: CredentialDocument; active: boolean }
  | { kind: 'not_found' }
export type HolderDocuments = (
  db: Db,
  personalId: string,
  documentId: string,
) => Promise<HolderDocumentLookup>

/** The citizen asking: their account (nonces are bound to it) and their personal ID number (the subject). */
export type Holder = { accountId: string; personalId: string }

export type HolderCredentialRequest = {
  format: CredentialFormat
  type: 'pid' | 'document'
  documentId?: string | undefined
  proof: string
}

/** One of the holder's own integrated documents, in force; anything else is refused. */
export const holderDocument = async (
  db: Db,
  documents: HolderDocuments,
  personalId: string,
  documentId: string,
): Promise<CredentialDocument> => {
  const found = await documents(db, personalId, documentId)
  if (found.kind === 'not_found') return fail(CREDENTIALS.DOCUMENT_NOT_FOUND)
  // The documents module answers for its own holder; a mismatch would be its defect, never a credential.
  if (found.document.personalId !== personalId) return fail(CREDENTIALS.DOCUMENT_NOT_FOUND)
  if (!found.active) return fail(CREDENTIALS.DOCUMENT_NOT_ACTIVE)
  return found.document
}

/**
 * What a foreign resident can hold: their level-2 account stands for the passport (DOMAIN §2.3), not an ID
 * card, so neither the identity credential (PID) nor the card profile, both built on the card; and no
 * integrated document, since documents are matched by the 12-digit personal ID number. The offline
 * `basic` profile they can (compact.service.ts). Checked before the proof, so a refusal leaves the nonce.
 */
export const checkForeignerMayHold = (subjectId: string, what: 'pid' | 'basic' | 'card' | 'document') => {
  if (!FOREIGNER_ID.test(subjectId)) return
  if (what === 'pid' || what === 'card') fail(CREDENTIALS.CARD_FOR_CITIZENS_ONLY)
  if (what === 'document') fail(CREDENTIALS.DOCUMENTS_FOR_CITIZENS_ONLY)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

// The document is checked before the proof, so a refusal leaves the holder's nonce unused.
const documentFor = async (
  deps: CredentialsDeps,
  documents: HolderDocuments,
  holder: Holder,
  req: HolderCredentialRequest,
) => {
  if (!req.documentId || !UUID.test(req.documentId)) return fail(CREDENTIALS.DOCUMENT_NOT_FOUND)
  const document = await holderDocument(deps.db, documents, holder.personalId, req.documentId)
  if (req.format !== 'mso_mdoc') return { document, licence: null, sourceRef: req.documentId }
  if (document.type !== 'DRIVING_LICENCE') return fail(CREDENTIALS.FORMAT_UNSUPPORTED)
  const licence = DrivingLicence.safeParse(document)
  if (!licence.success) return fail(CREDENTIALS.DOCUMENT_INVALID, undefined, { issues: licence.error.issues })
  return { document, licence: licence.data, sourceRef: req.documentId }
}

/**
 * The citizen app asks for a credential bound to its device key (OpenID4VCI-style credential request):
 * the identity (PID) as an SD-JWT VC, or one of the holder's own integrated documents in force as an
 * SD-JWT VC (or, for a driving licence, an ISO 18013-5 mdoc). The document's id is recorded as the
 * credential's source, so that its change or removal revokes the credential.
 */
export const issueHolderCredential = async (
  deps: CredentialsDeps,
  documents: HolderDocuments,
  holder: Holder,
  req: HolderCredentialRequest,
) => {
  checkForeignerMayHold(holder.personalId, req.type)
  if (req.type === 'pid' && req.format === 'mso_mdoc') return fail(CREDENTIALS.FORMAT_UNSUPPORTED)
  const source = req.type === 'document' ? await documentFor(deps, documents, holder, req) : null
  const holderJwk = await verifyHolderProof(deps, holder.accountId, req.proof)
  if (!source) return issuePidSdJwt(deps, { personalId: holder.personalId, holderJwk })
  const { document, licence, sourceRef } = source
  if (licence) return issueDrivingLicenceMdoc(deps, { licence, deviceJwk: holderJwk, sourceRef })
  return issueDocumentSdJwt(deps, { document, holderJwk, sourceRef })
}

export type HolderCredentialView = {
  id: string
  type: string
  format: CredentialFormat
  /** The integrated document it was issued from; null for the identity (PID). */
  documentId: string | null
  status: 'valid' | 'expired' | 'revoked'
  issuedAt: Date
  expiresAt: Date
  revokedAt: Date | null
  revocationReason: string | null
}

/** At most this many, newest first: the app renews a credential yearly, so a holder has few. */
export const HOLDER_LIST_LIMIT = 200

/** The credentials issued to the holder, with their state: what the app shows under "my credentials". */
export const credentialsOfHolder = async (
  deps: Pick<CredentialsDeps, 'db' | 'clock'>,
  personalId: string,
): Promise<HolderCredentialView[]> => {
  const now = deps.clock.now()
  return (await issuedToSubject(deps.db, personalId, HOLDER_LIST_LIMIT)).map((r) => ({
    id: r.id,
    type: r.type,
    format: r.format,
    documentId: r.source_ref,
    status: r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'valid',
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    revocationReason: r.revocation_reason,
  }))
}

export const HOLDER_REVOCATION_REASONS = ['device_lost', 'device_replaced', 'no_longer_needed'] as const
export type HolderRevocationReason = (typeof HOLDER_REVOCATION_REASONS)[number]

/** The holder revokes one of their credentials (a lost phone): its status bit reads invalid from the next list. */
export const revokeHolderCredential = (
  deps: Pick<CredentialsDeps, 'db' | 'clock'>,
  personalId: string,
  id: string,
  reason: HolderRevocationReason,
  requestId?: string,
) =>
  deps.db.transaction().execute(async (trx) => {
    if (!UUID.test(id)) return fail(CREDENTIALS.NOT_FOUND)
    const now = deps.clock.now()
    const row = await revokeOwned(trx, personalId, id, now, `holder: ${reason}`)
    if (!row)
      return fail(
        (await ownedCredential(trx, personalId, id)) ? CREDENTIALS.ALREADY_REVOKED : CREDENTIALS.NOT_FOUND,
      )
    await recordAudit(trx, deps.clock, {
      actor: personalId,
      actorKind: 'citizen',
      action: 'credentials.credential.revoked',
      subject: personalId,
      subjectKind: 'person',
      data: { id: row.id, type: row.type, format: row.format, reason: row.revocation_reason },
      requestId: requestId ?? null,
    })
    return { id: row.id, revokedAt: now }
  })

/**
 * Revokes, inside the caller's transaction, every credential issued from a source (an integrated
 * document's id) that is still unexpired and unrevoked: the documents module calls it when the document
 * changes at its source or is removed, so the document and its credentials never disagree. One audit
 * event per source change, `credentials.batch.revoked`, names every credential it revoked (a document's
 * SD-JWT VC, mdoc and batch of offline credentials go together), like `credentials.batch.issued`.
 */
export const revokeCredentialsFromSource = async (
  trx: Transaction<Database>,
  clock: Clock,
  req: { sourceRef: string; reason: string; actor?: { id: string; kind: ActorKind } },
): Promise<{ revoked: string[] }> => {
  const now = clock.now()
  const reason = req.reason.slice(0, 200)
  const rows = await revokeFromSource(trx, req.sourceRef, now, reason)
  const actor = req.actor ?? { id: 'credentials-issuer', kind: 'system' as const }
  // A document has one holder, so this is one event; grouped all the same, so no event names another's.
  const bySubject = new Map<string, string[]>()
  for (const r of rows) bySubject.set(r.subject_id, [...(bySubject.get(r.subject_id) ?? []), r.id])
  for (const [subject, ids] of bySubject)
    await recordAudit(trx, clock, {
      actor: actor.id,
      actorKind: actor.kind,
      action: 'credentials.batch.revoked',
      subject,
      subjectKind: 'person',
      data: { ids: ids.sort(), sourceRef: req.sourceRef, reason },
    })
  return { revoked: rows.map((r) => r.id) }
}
