import { createPrivateKey, randomUUID, sign } from 'node:crypto'
import { issueCompactCredential, type Profile } from '@dinhdanh/vn-share'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { FOREIGNER_ID, findForeignerRecord } from '../registry/index.js'
import {
  basicShareClaims,
  cardShareClaims,
  documentShareClaims,
  foreignerBasicShareClaims,
} from './compact.claims.js'
import { CredentialDocument, HolderJwk } from './credential.inputs.js'
import { CREDENTIALS } from './credentials.errors.js'
import { type CredentialsDeps, livingPerson } from './credentials.issuance.js'
import { insertIssuedCredential } from './credentials.repository.js'
import { checkForeignerMayHold } from './holder.service.js'
import { activeIssuerKey } from './issuer-keys.js'
import { publishedIssuerKeys } from './issuer-keys.repository.js'
import { validCard } from './pid.claims.js'
import { allocateStatusIndex } from './status-list.repository.js'
import { STATUS_LIST_SIZE } from './status-list.service.js'

const DAY = 86_400_000
/**
 * An offline share credential lives 30 days (and never past the card or document): short, because the app
 * holds a batch and renews it whenever online, and a share states what was true at issuance.
 */
export const COMPACT_LIFETIME_MS = 30 * DAY
/** Credentials per request: one per offline share, so verifiers cannot link shares by credential. */
export const COMPACT_BATCH_DEFAULT = 5
export const COMPACT_BATCH_MAX = 10
export const compactType = (profile: Profile) => `urn:vn:eid:share:${profile}:1`

export type CompactRequest = {
  /** The holder: a personal ID number, or a foreign resident's foreigner ID number (basic profile only). */
  personalId: string
  profile: Profile
  /** The integrated document, for the `document` profile (from the documents module's lookup). */
  document?: CredentialDocument | undefined
  holderJwk: unknown
  count?: number | undefined
  /** The integrated document's id: its change or removal revokes the batch (revokeCredentialsFromSource). */
  sourceRef?: string | undefined
}
export type CompactBatch = {
  credentials: string[]
  ids: string[]
  expiresAt: Date
  status: { listId: number; index: number }[]
}

// Credentials carry days, so the end is a UTC midnight: 30 days on, or the day after the last valid day.
const compactExpiry = (now: Date, validTo: string | null) => {
  const cap = Math.floor((now.getTime() + COMPACT_LIFETIME_MS) / DAY) * DAY
  const end = validTo ? Date.parse(`${validTo}T00:00:00Z`) + DAY : cap
  if (end <= now.getTime()) return fail(CREDENTIALS.DOCUMENT_EXPIRED)
  return new Date(Math.min(cap, end))
}

/**
 * A foreign resident's basic profile. Their account is locked when the passport or the residence card
 * expires (DOMAIN §4 rule 8), so the credential ends with the first of the two to lapse.
 */
const foreignerClaims = async (deps: CredentialsDeps, foreignerId: string) => {
  const f = (await findForeignerRecord(deps.db, foreignerId)) ?? fail(CREDENTIALS.PERSON_NOT_FOUND)
  if (f.status !== 'alive') fail(CREDENTIALS.PERSON_DECEASED)
  const ends = [f.passport.expiresOn, f.residenceCard.expiresOn].filter((d): d is string => d !== null)
  return { claims: foreignerBasicShareClaims(f), validTo: ends.sort()[0] ?? null }
}

const claimsFor = async (deps: CredentialsDeps, req: CompactRequest) => {
  checkForeignerMayHold(req.personalId, req.profile)
  if (FOREIGNER_ID.test(req.personalId)) return foreignerClaims(deps, req.personalId)
  const person = await livingPerson(deps, req.personalId)
  const today = deps.clock.now().toISOString().slice(0, 10)
  if (req.profile === 'document') {
    const parsed = CredentialDocument.safeParse(req.document)
    if (!parsed.success || parsed.data.personalId !== person.personal_id)
      return fail(CREDENTIALS.DOCUMENT_INVALID)
    return { claims: documentShareClaims(person, parsed.data), validTo: parsed.data.validTo }
  }
  const card = validCard(person)
  if (!card || (card.expires_on !== null && card.expires_on < today)) return fail(CREDENTIALS.NO_VALID_CARD)
  const claims = req.profile === 'card' ? cardShareClaims(person, card) : basicShareClaims(person)
  return { claims, validTo: card.expires_on }
}

/**
 * A batch of offline share credentials of one profile, bound to the holder's device key: each with its own
 * id and status index, recorded (format vn-compact) and audited (one event for the batch) in one transaction, signed with the
 * `compact` issuer key. The credentials are returned, never stored.
 */
export const issueCompactCredentials = async (
  deps: CredentialsDeps,
  req: CompactRequest,
): Promise<CompactBatch> => {
  const holder = HolderJwk.safeParse(req.holderJwk)
  if (!holder.success) return fail(CREDENTIALS.HOLDER_KEY_INVALID)
  const count = req.count ?? COMPACT_BATCH_DEFAULT
  if (!Number.isInteger(count) || count < 1 || count > COMPACT_BATCH_MAX)
    return fail(CREDENTIALS.BATCH_SIZE_INVALID)
  const { claims, validTo } = await claimsFor(deps, req)
  const now = deps.clock.now()
  const expiresAt = compactExpiry(now, validTo)
  const key = await activeIssuerKey(deps, 'compact')
  const privateKey = createPrivateKey({ key: key.privateJwk as never, format: 'jwk' })
  const type = compactType(req.profile)
  return deps.db.transaction().execute(async (trx) => {
    const batch: CompactBatch = { credentials: [], ids: [], expiresAt, status: [] }
    for (let i = 0; i < count; i++) {
      const status = await allocateStatusIndex(trx, now, STATUS_LIST_SIZE)
      const id = randomUUID()
      await insertIssuedCredential(trx, {
        id,
        subject_id: req.personalId,
        type,
        format: 'vn-compact',
        kid: key.kid,
        status_list_id: status.listId,
        status_index: status.index,
        issued_at: now,
        expires_at: expiresAt,
        revoked_at: null,
        revocation_reason: null,
        source_ref: req.sourceRef ?? null,
      })
      const credential = await issueCompactCredential(
        {
          kid: key.kid,
          profile: req.profile,
          id,
          issuedAt: now,
          expiresAt,
          deviceKey: holder.data,
          status: { list: status.listId, index: status.index },
          claims,
        },
        (data) => sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
      )
      batch.credentials.push(credential)
      batch.ids.push(id)
      batch.status.push(status)
    }
    // One chain link per batch, last: the chain's lock is held until commit, and a link per credential took
    // it at the first one and held up every other audit append while the rest of the batch was signed.
    await recordAudit(trx, deps.clock, {
      actor: 'credentials-issuer',
      actorKind: 'system',
      action: 'credentials.batch.issued',
      subject: req.personalId,
      subjectKind: 'person',
      data: { ids: batch.ids, type, format: 'vn-compact' },
    })
    return batch
  })
}

/** The keys that verify offline share QRs: the active one, and retired ones while a credential they signed is unexpired. */
export const shareKeys = async (deps: CredentialsDeps) => {
  await activeIssuerKey(deps, 'compact')
  const now = deps.clock.now()
  // Status lists are signed by the sd-jwt key, so a retired compact key has no list to outlive.
  return { keys: (await publishedIssuerKeys(deps.db, 'compact', now, now)).map((r) => r.public_jwk) }
}
