import { isLocalDate } from '@dinhdanh/vn-id'
import { z } from 'zod'
import { AUTH_METHODS, KNOWN_SCOPES } from './clients.schemas.js'

const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isLocalDate, 'a real calendar date')

/** mã số thuế / mã số doanh nghiệp: 10 digits, a branch adds a dash and 3 digits. */
export const OrgCode = z.string().regex(/^\d{10}(-\d{3})?$/)

// The shape only: each rule of the client itself (redirect URIs, scopes, keys) answers with its own stable code.
export const ApplicationBody = z.object({
  organisation: z.object({
    name: z.string().trim().min(1).max(300).describe('The organisation, as registered'),
    code: z.string().trim().max(14).describe('Tax or enterprise code: 10 digits, or 10-3 for a branch'),
  }),
  contact: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    phone: z.string().trim().min(3).max(30),
  }),
  service: z.object({
    name: z.string().max(200).describe('What citizens see on the login and consent pages'),
    purpose: z.string().trim().min(1).max(500).describe('Why it asks for the data (shown on consent)'),
  }),
  scopes: z
    .array(z.string().max(40))
    .max(20)
    .describe(`Among ${KNOWN_SCOPES.join(', ')}; openid always`),
  minLevel: z.number().int().describe('The lowest account level the service accepts: 1 or 2'),
  securityLevel: z
    .number()
    .int()
    .min(1)
    .max(5)
    .describe('The information system’s security level (1-5); below 3 is refused (D69 Art 18)'),
  redirectUris: z.array(z.string().max(2000)).max(20),
  authMethod: z.enum(AUTH_METHODS).default('client_secret_basic'),
  jwks: z.unknown().optional().describe('private_key_jwt only: the public signing keys (JWKS)'),
  profile: z.enum(['baseline', 'fapi2']).default('baseline'),
  allowDependents: z
    .boolean()
    .default(false)
    .describe(
      'Let a parent or guardian sign in for a child or ward they represent (a school, a hospital); off by default',
    ),
  agreement: z
    .object({ number: z.string().trim().min(1).max(100), signedOn: LocalDate })
    .optional()
    .describe('The written agreement with the management agency, if already signed'),
})
export type ApplicationInput = z.infer<typeof ApplicationBody>

export const SandboxBody = ApplicationBody.pick({
  scopes: true,
  minLevel: true,
  redirectUris: true,
  authMethod: true,
  jwks: true,
  profile: true,
  allowDependents: true,
}).extend({
  name: z.string().max(200).describe('The test client’s name'),
  purpose: z.string().trim().max(500).default('Thử nghiệm tích hợp (sandbox)'),
})
export type SandboxInput = z.infer<typeof SandboxBody>

export const AgreementBody = z.object({
  number: z.string().trim().min(1).max(100).describe('The agreement’s number'),
  signedOn: LocalDate.describe('The day it was signed; the 30 days of appraisal count from it'),
})

export const ReasonBody = z.object({
  reason: z
    .string()
    .max(2000)
    .default('')
    .describe('Written reason (a refusal needs at least 10 characters)'),
})

/** The management agency turns acting for dependents on or off for an approved client, saying why. */
export const DependentsBody = z.object({
  allowDependents: z
    .boolean()
    .describe('Let a parent or guardian sign in for a child or ward they represent'),
  reason: z
    .string()
    .max(2000)
    .describe('Written reason, recorded and sent to the organisation (at least 10 characters)'),
})

export const IdParams = z.object({ id: z.uuid() })

export const QueueQuery = z.object({
  state: z.enum(['open', 'decided']).default('open'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
