import { type ActorKind, recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { CredentialDocument, DOCUMENT_VCT, HolderJwk, PID_VCT } from './credential.inputs.js'
import { CREDENTIALS } from './credentials.errors.js'
import {
  type CredentialsDeps,
  credentialExpiry,
  livingPerson,
  recordIssuance,
  type StatusRef,
} from './credentials.issuance.js'
import { findIssuedCredential, markRevoked } from './credentials.repository.js'
import { activeIssuerKey } from './issuer-keys.js'
import { holderClaims, pidClaims, validCard } from './pid.claims.js'
import { signSdJwtVc } from './sd-jwt.issuer.js'
import { statusListUri } from './status-list.service.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const parseHolder = (jwk: unknown) => {
  const parsed = HolderJwk.safeParse(jwk)
  return parsed.success ? parsed.data : fail(CREDENTIALS.HOLDER_KEY_INVALID)
}

const registered = (
  deps: CredentialsDeps,
  vct: string,
  holder: object,
  expiresAt: Date,
  status: StatusRef,
) => ({
  iss: deps.config.publicUrl,
  vct,
  iat: Math.floor(deps.clock.now().getTime() / 1000),
  exp: Math.floor(expiresAt.getTime() / 1000),
  cnf: { jwk: holder },
  status: { status_list: { idx: status.index, uri: statusListUri(deps, status.listId) } },
})

/** The person identification data (PID) from the registry as an SD-JWT VC bound to the holder's device key. */
export const issuePidSdJwt = async (
  deps: CredentialsDeps,
  req: { personalId: string; holderJwk: unknown },
) => {
  const holder = parseHolder(req.holderJwk)
  const person = await livingPerson(deps, req.personalId)
  const today = deps.clock.now().toISOString().slice(0, 10)
  const card = validCard(person)
  if (!card || (card.expires_on !== null && card.expires_on < today)) return fail(CREDENTIALS.NO_VALID_CARD)
  const expiresAt = credentialExpiry(deps.clock.now(), card.expires_on)
  const key = await activeIssuerKey(deps, 'sd-jwt')
  const what = {
    subjectId: person.personal_id,
    type: PID_VCT,
    format: 'dc+sd-jwt',
    kid: key.kid,
    expiresAt,
  } as const
  return recordIssuance(deps, what, (status) =>
    signSdJwtVc(key, registered(deps, PID_VCT, holder, expiresAt, status), pidClaims(person, card)),
  )
}

/** An integrated document as an SD-JWT VC (one vct per document type), with the holder's name and birth date. */
export const issueDocumentSdJwt = async (
  deps: CredentialsDeps,
  req: { document: CredentialDocument; holderJwk: unknown; sourceRef?: string },
) => {
  const holder = parseHolder(req.holderJwk)
  const parsed = CredentialDocument.safeParse(req.document)
  if (!parsed.success) return fail(CREDENTIALS.DOCUMENT_INVALID, undefined, { issues: parsed.error.issues })
  const doc = parsed.data
  const person = await livingPerson(deps, doc.personalId)
  const expiresAt = credentialExpiry(deps.clock.now(), doc.validTo)
  const key = await activeIssuerKey(deps, 'sd-jwt')
  const vct = DOCUMENT_VCT[doc.type]
  const claims = {
    ...holderClaims(person),
    document_number: doc.number,
    issuing_authority: doc.issuingAuthority,
    issuing_country: 'VN',
    issue_date: doc.issuedOn,
    ...(doc.validTo ? { expiry_date: doc.validTo } : {}),
    ...doc.fields,
  }
  const what = {
    subjectId: person.personal_id,
    type: vct,
    format: 'dc+sd-jwt',
    kid: key.kid,
    expiresAt,
    sourceRef: req.sourceRef,
  } as const
  return recordIssuance(deps, what, (status) =>
    signSdJwtVc(key, registered(deps, vct, holder, expiresAt, status), claims),
  )
}

/** Revokes a credential: its status bit reads invalid in the next published status list. */
export const revokeCredential = (
  deps: CredentialsDeps,
  req: { id: string; reason: string; actor: { id: string; kind: ActorKind } },
) =>
  deps.db.transaction().execute(async (trx) => {
    if (!UUID.test(req.id)) return fail(CREDENTIALS.NOT_FOUND)
    const now = deps.clock.now()
    const row = await markRevoked(trx, req.id, now, req.reason.slice(0, 200))
    if (!row)
      return fail(
        (await findIssuedCredential(trx, req.id)) ? CREDENTIALS.ALREADY_REVOKED : CREDENTIALS.NOT_FOUND,
      )
    await recordAudit(trx, deps.clock, {
      actor: req.actor.id,
      actorKind: req.actor.kind,
      action: 'credentials.credential.revoked',
      subject: row.subject_id,
      subjectKind: 'person',
      data: { id: row.id, type: row.type, reason: row.revocation_reason },
    })
    return { id: row.id, revokedAt: now, status: { listId: row.status_list_id, index: row.status_index } }
  })
