import { DataItem, Document, IssuerSignedDocument, MDoc } from '@auth0/mdl'
import { cborEncode } from '@auth0/mdl/lib/cbor/index.js'
import type IssuerAuthModule from '@auth0/mdl/lib/mdoc/model/IssuerAuth.js'
import { importJWK } from 'jose'
import { fail } from '../../platform/errors.js'
import { DrivingLicence, HolderJwk } from './credential.inputs.js'
import { CREDENTIALS } from './credentials.errors.js'
import {
  type CredentialsDeps,
  credentialExpiry,
  livingPerson,
  recordIssuance,
  type StatusRef,
} from './credentials.issuance.js'
import { activeIssuerKey } from './issuer-keys.js'
import { splitName } from './pid.claims.js'
import { statusListUri } from './status-list.service.js'

export const MDL_DOCTYPE = 'org.iso.18013.5.1.mDL'
export const MDL_NAMESPACE = 'org.iso.18013.5.1'

/**
 * The MSO's `status` (draft-ietf-oauth-status-list §6.3, the label it recommends for ISO mdoc): a `Status`
 * map whose `status_list` is { idx: uint, uri: tstr }, the credential's entry in the platform's status list.
 */
export const msoStatus = (uri: string, idx: number) => ({ status_list: { idx, uri } })

/**
 * @auth0/mdl builds the MSO itself and has no place for `status`: the draft it signs is opened, `status`
 * added, and the MSO signed again with the same key and headers. Its IssuerSignedItems (with their salts)
 * and digests are kept as they are, so the library's verifier reads the result like any of its own.
 */
const withStatus = async (
  draft: IssuerSignedDocument,
  status: ReturnType<typeof msoStatus>,
  sign: { privateJwk: Parameters<typeof importJWK>[0]; kid: string },
) => {
  const { issuerAuth, nameSpaces } = draft.issuerSigned
  const mso = issuerAuth.decodedPayload
  const payload = cborEncode(
    DataItem.fromData({
      version: mso.version,
      digestAlgorithm: mso.digestAlgorithm,
      valueDigests: mso.valueDigests,
      deviceKeyInfo: mso.deviceKeyInfo,
      docType: mso.docType,
      validityInfo: mso.validityInfo,
      status,
    }),
  )
  const certificate = issuerAuth.x5chain?.[0] ?? fail(CREDENTIALS.DOCUMENT_INVALID, 'mdoc: no x5chain')
  // The library's own COSE_Sign1 class; ESM cannot name its CommonJS default export, its instance can.
  const Sign1 = issuerAuth.constructor as unknown as (typeof IssuerAuthModule)['default']
  const signed = await Sign1.sign(
    { alg: 'ES256' },
    { kid: sign.kid, x5chain: certificate },
    payload,
    await importJWK(sign.privateJwk, 'ES256'),
  )
  return new IssuerSignedDocument(draft.docType, { issuerAuth: signed, nameSpaces })
}

/**
 * The driving licence as an ISO/IEC 18013-5 mdoc: the MSO signed by the document signer key, whose
 * certificate (in x5chain) chains to the IACA root, with a Token Status List reference (`status`) to its
 * entry in the same list as the SD-JWT VCs. Returned as the CBOR-encoded IssuerSigned mdoc, base64url.
 */
export const issueDrivingLicenceMdoc = async (
  deps: CredentialsDeps,
  req: { licence: DrivingLicence; deviceJwk: unknown; sourceRef?: string },
) => {
  const device = HolderJwk.safeParse(req.deviceJwk)
  if (!device.success) return fail(CREDENTIALS.HOLDER_KEY_INVALID)
  const parsed = DrivingLicence.safeParse(req.licence)
  if (!parsed.success) return fail(CREDENTIALS.DOCUMENT_INVALID, undefined, { issues: parsed.error.issues })
  const licence = parsed.data
  const person = await livingPerson(deps, licence.personalId)
  if (person.birth_month === null || person.birth_day === null)
    return fail(CREDENTIALS.DOCUMENT_INVALID, 'An mDL needs a full date of birth (ISO 18013-5 birth_date)')
  const now = deps.clock.now()
  const expiresAt = credentialExpiry(now, licence.validTo)
  const pad = (n: number) => String(n).padStart(2, '0')
  const ds = await activeIssuerKey(deps, 'mdoc-ds')
  const what = {
    subjectId: person.personal_id,
    type: MDL_DOCTYPE,
    format: 'mso_mdoc',
    kid: ds.kid,
    expiresAt,
    sourceRef: req.sourceRef,
  } as const
  return recordIssuance(deps, what, async (status: StatusRef) => {
    const draft = await new Document(MDL_DOCTYPE)
      .addIssuerNameSpace(MDL_NAMESPACE, {
        ...splitName(person.full_name),
        birth_date: `${person.birth_year}-${pad(person.birth_month ?? 1)}-${pad(person.birth_day ?? 1)}`,
        issue_date: licence.issuedOn,
        // ISO makes expiry_date mandatory; a licence without end (class A1) shows the credential's own end.
        expiry_date: licence.validTo ?? expiresAt.toISOString().slice(0, 10),
        issuing_country: 'VN',
        issuing_authority: licence.issuingAuthority,
        document_number: licence.number,
        driving_privileges: licence.fields.driving_privileges,
        un_distinguishing_sign: 'VN',
      })
      .useDigestAlgorithm('SHA-256')
      .addValidityInfo({ signed: now, validFrom: now, validUntil: expiresAt })
      .addDeviceKeyInfo({ deviceKey: device.data })
      .sign({
        issuerPrivateKey: ds.privateJwk,
        issuerCertificate: String(ds.certificate),
        alg: 'ES256',
        kid: ds.kid,
      })
    const doc = await withStatus(draft, msoStatus(statusListUri(deps, status.listId), status.index), ds)
    return Buffer.from(new MDoc([doc]).encode()).toString('base64url')
  })
}
