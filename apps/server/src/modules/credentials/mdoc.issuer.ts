import { Document, MDoc } from '@auth0/mdl'
import { fail } from '../../platform/errors.js'
import { DrivingLicence, HolderJwk } from './credential.inputs.js'
import { CREDENTIALS } from './credentials.errors.js'
import {
  type CredentialsDeps,
  credentialExpiry,
  livingPerson,
  recordIssuance,
} from './credentials.issuance.js'
import { activeIssuerKey } from './issuer-keys.js'
import { splitName } from './pid.claims.js'

export const MDL_DOCTYPE = 'org.iso.18013.5.1.mDL'
export const MDL_NAMESPACE = 'org.iso.18013.5.1'

/**
 * The driving licence as an ISO/IEC 18013-5 mdoc: the MSO signed by the document signer key, whose
 * certificate (in x5chain) chains to the IACA root. Returned as the CBOR-encoded IssuerSigned mdoc, base64url.
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
  return recordIssuance(deps, what, async () => {
    const doc = await new Document(MDL_DOCTYPE)
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
    return Buffer.from(new MDoc([doc]).encode()).toString('base64url')
  })
}
