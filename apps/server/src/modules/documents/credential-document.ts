import type { Db } from '../../database.js'
import type { CredentialDocument, DocumentType, HolderDocumentLookup } from '../credentials/index.js'
import type { DocumentDataOf, DocumentKind } from './documents.kinds.js'
import { findIntegrated } from './documents.repository.js'

/** Each kind's credential type (credentials' DOCUMENT_VCT keys). */
const CREDENTIAL_TYPE: Readonly<Record<DocumentKind, DocumentType>> = {
  driving_licence: 'DRIVING_LICENCE',
  vehicle_registration: 'VEHICLE_REGISTRATION',
  health_insurance: 'HEALTH_INSURANCE',
  social_insurance: 'SOCIAL_INSURANCE_NO',
  tax_code: 'TAX_CODE',
}

/** Health-insurance cards name no issuing office of their own: Vietnam Social Security issues them. */
export const HEALTH_INSURANCE_ISSUER = 'Bảo hiểm xã hội Việt Nam'

/** What a credential of a document says: the copy's holder, number, validity and the kind's own fields. */
export type DocumentContent = {
  kind: DocumentKind
  subjectId: string
  number: string
  validFrom: string
  validTo: string | null
  data: unknown
}

type Claims = { issuingAuthority: string; fields: CredentialDocument['fields'] }

// Claim names are snake_case (the SD-JWT VC convention). A licence's points are left out: they move with
// every offence and a credential lives a year, so it would soon state a stale figure.
const claimsOf: { [K in DocumentKind]: (d: DocumentDataOf[K], c: DocumentContent) => Claims } = {
  driving_licence: (d, c) => ({
    issuingAuthority: d.issuingAuthority,
    fields: {
      driving_privileges: [
        {
          vehicle_category_code: d.licenceClass,
          issue_date: c.validFrom,
          ...(c.validTo ? { expiry_date: c.validTo } : {}),
        },
      ],
    },
  }),
  vehicle_registration: (d) => ({
    issuingAuthority: d.issuingAuthority,
    fields: {
      plate: d.plate,
      vehicle_type: d.vehicleType,
      brand: d.brand,
      model: d.model,
      colour: d.colour,
      chassis_number: d.chassisNumber,
      engine_number: d.engineNumber,
    },
  }),
  health_insurance: (d) => ({
    issuingAuthority: HEALTH_INSURANCE_ISSUER,
    fields: {
      beneficiary_code: d.beneficiaryCode,
      benefit_level: d.benefitLevel,
      registered_hospital: d.registeredHospital,
    },
  }),
  social_insurance: (d) => ({ issuingAuthority: d.agency, fields: {} }),
  tax_code: (d) => {
    const fields: CredentialDocument['fields'] = {}
    if (d.legacyTaxCode) fields.legacy_tax_code = d.legacyTaxCode
    return { issuingAuthority: d.taxAuthority, fields }
  },
}

/** The document as the credentials module takes it (CredentialDocument). */
export const credentialDocumentFrom = (c: DocumentContent): CredentialDocument => {
  const claims = (claimsOf[c.kind] as (d: unknown, c: DocumentContent) => Claims)(c.data, c)
  return {
    type: CREDENTIAL_TYPE[c.kind],
    personalId: c.subjectId,
    number: c.number,
    issuingAuthority: claims.issuingAuthority,
    issuedOn: c.validFrom,
    validTo: c.validTo,
    fields: claims.fields,
  }
}

/** Whether a credential issued before a change would state something else after it. */
export const credentialContentChanged = (before: DocumentContent, after: DocumentContent) =>
  JSON.stringify(credentialDocumentFrom(before)) !== JSON.stringify(credentialDocumentFrom(after))

/**
 * One of the holder's integrated documents as a credential input, and whether it is in force: what the
 * credentials module's holder endpoint asks (credentials HolderDocuments). Another person's document is
 * answered as not found.
 */
export const credentialDocumentOf = async (
  db: Db,
  personalId: string,
  documentId: string,
): Promise<HolderDocumentLookup> => {
  const row = await findIntegrated(db, personalId, documentId)
  if (!row) return { kind: 'not_found' }
  return {
    kind: 'found',
    active: row.status === 'active',
    document: credentialDocumentFrom({
      kind: row.kind,
      subjectId: row.subject_id,
      number: row.number,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      data: row.data,
    }),
  }
}
