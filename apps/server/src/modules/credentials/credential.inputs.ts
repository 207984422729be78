import { z } from 'zod'

/** The documents issued as credentials, with their SD-JWT VC type (one vct per document type). */
export const DOCUMENT_VCT = {
  DRIVING_LICENCE: 'urn:vn:eid:driving-licence:1',
  VEHICLE_REGISTRATION: 'urn:vn:eid:vehicle-registration:1',
  HEALTH_INSURANCE: 'urn:vn:eid:health-insurance:1',
  SOCIAL_INSURANCE_NO: 'urn:vn:eid:social-insurance:1',
  TAX_CODE: 'urn:vn:eid:tax-code:1',
} as const
export type DocumentType = keyof typeof DOCUMENT_VCT
export const PID_VCT = 'urn:vn:eid:pid:1'

const IsoDate = z.iso.date()
// Claim names the SD-JWT VC and JWT specs reserve, which a document field must not shadow.
const RESERVED = new Set([
  'iss',
  'sub',
  'iat',
  'nbf',
  'exp',
  'cnf',
  'vct',
  'status',
  'jti',
  'aud',
  '_sd',
  '_sd_alg',
])
const FieldValue = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  z.array(z.record(z.string(), z.union([z.string().max(200), z.number()]))).max(20),
])

/** A document as the documents module hands it over: its type, number, validity and type-specific fields. */
export const CredentialDocument = z.object({
  type: z.enum(Object.keys(DOCUMENT_VCT) as [DocumentType, ...DocumentType[]]),
  personalId: z.string().regex(/^[0-9]{12}$/),
  number: z.string().min(1).max(50),
  issuingAuthority: z.string().min(1).max(200),
  issuedOn: IsoDate,
  validTo: IsoDate.nullable(),
  fields: z
    .record(z.string().regex(/^[a-z][a-z0-9_]{0,49}$/), FieldValue)
    .refine((f) => Object.keys(f).every((k) => !RESERVED.has(k)), 'reserved claim name')
    .default({}),
})
export type CredentialDocument = z.input<typeof CredentialDocument>

/** One licence category (ISO 18013-5 driving_privileges). */
export const DrivingPrivilege = z.object({
  vehicle_category_code: z.string().regex(/^[A-Z][A-Z0-9]{0,3}$/),
  issue_date: IsoDate.optional(),
  expiry_date: IsoDate.optional(),
})
export const DrivingLicence = CredentialDocument.extend({
  type: z.literal('DRIVING_LICENCE'),
  fields: z.object({ driving_privileges: z.array(DrivingPrivilege).min(1).max(20) }),
})
export type DrivingLicence = z.input<typeof DrivingLicence>

/** The holder's device key (cnf / deviceKey): a public P-256 key, never a private one. */
export const HolderJwk = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().length(43),
    y: z.string().length(43),
  })
  .passthrough()
  .refine((k) => !('d' in k), 'a private key was sent')
  .transform(({ kty, crv, x, y }) => ({ kty, crv, x, y }))
export type HolderJwk = z.input<typeof HolderJwk>
