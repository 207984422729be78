import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { findPersonRecord } from '../registry/index.js'
import { CREDENTIALS } from './credentials.errors.js'
import { insertIssuedCredential } from './credentials.repository.js'
import type { CredentialFormat } from './credentials.table.js'
import { allocateStatusIndex } from './status-list.repository.js'
import { STATUS_LIST_SIZE } from './status-list.service.js'

export type CredentialsDeps = Pick<Deps, 'db' | 'clock' | 'keys' | 'config'>
export type StatusRef = { listId: number; index: number }
export type IssuedCredential = {
  id: string
  format: CredentialFormat
  credential: string
  expiresAt: Date
  status: StatusRef
}

const DAY = 86_400_000
/** A credential lives at most a year (the app renews it), and never past the document it stands for. */
export const CREDENTIAL_MAX_LIFETIME_MS = 365 * DAY

/** When the credential expires: a year from now, or the end of the document's last valid day if sooner. */
export const credentialExpiry = (now: Date, validTo: string | null) => {
  const cap = now.getTime() + CREDENTIAL_MAX_LIFETIME_MS
  const end = validTo ? Date.parse(`${validTo}T00:00:00Z`) + DAY : cap
  if (end <= now.getTime()) return fail(CREDENTIALS.DOCUMENT_EXPIRED)
  return new Date(Math.min(cap, end))
}

/** The registry record of a living person, or a stable error. */
export const livingPerson = async (deps: CredentialsDeps, personalId: string) => {
  const person = (await findPersonRecord(deps.db, personalId)) ?? fail(CREDENTIALS.PERSON_NOT_FOUND)
  if (person.status !== 'alive') fail(CREDENTIALS.PERSON_DECEASED)
  return person
}

/**
 * In one transaction: a status index, the issuance record, the signature, the audit event. A failure
 * leaves nothing behind; the credential itself is returned, never stored.
 */
export const recordIssuance = (
  deps: CredentialsDeps,
  what: {
    subjectId: string
    type: string
    format: CredentialFormat
    kid: string
    expiresAt: Date
    /** The integrated document it stands for: a change there revokes it (revokeCredentialsFromSource). */
    sourceRef?: string | undefined
  },
  sign: (status: StatusRef) => Promise<string>,
): Promise<IssuedCredential> =>
  deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const status = await allocateStatusIndex(trx, now, STATUS_LIST_SIZE)
    const id = randomUUID()
    await insertIssuedCredential(trx, {
      id,
      subject_id: what.subjectId,
      type: what.type,
      format: what.format,
      kid: what.kid,
      status_list_id: status.listId,
      status_index: status.index,
      issued_at: now,
      expires_at: what.expiresAt,
      revoked_at: null,
      revocation_reason: null,
      source_ref: what.sourceRef ?? null,
    })
    const credential = await sign(status)
    await recordAudit(trx, deps.clock, {
      actor: 'credentials-issuer',
      actorKind: 'system',
      action: 'credentials.credential.issued',
      subject: what.subjectId,
      subjectKind: 'person',
      data: { id, type: what.type, format: what.format },
    })
    return { id, format: what.format, credential, expiresAt: what.expiresAt, status }
  })
