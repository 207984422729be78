import { z } from 'zod'
import { CARD_REJECTION_REASONS } from './card-application.flow.js'
import { COUNTER_REJECTION_REASONS } from './counter-dossier.flow.js'
import { INTEGRATION_KINDS } from './enrolment.table.js'

export const Base64 = z
  .string()
  .max(14_000_000)
  .regex(/^[A-Za-z0-9+/=]*$/, 'base64')
  .transform((s) => Buffer.from(s, 'base64'))

export const CardRequest = z.object({
  kind: z.enum(['issue', 'renewal', 'reissue']),
  reason: z
    .string()
    .max(40)
    .describe(
      'issue: first_card; renewal: age_milestone, expired, data_changed, damaged, error_on_card, holder_request; reissue: lost, nationality_regained',
    ),
})

export const OpenBody = z.object({
  personalId: z.string().max(20).optional(),
  qr: z.string().max(2000).optional().describe('The CCCD QR payload as the scanner reads it'),
  foreignerId: z.string().max(20).optional(),
  phone: z.string().max(20).describe('A mobile number in the person’s own name (checked with the carrier)'),
  email: z.string().max(200).optional(),
  documents: z.array(z.enum(INTEGRATION_KINDS)).max(5).default([]),
  cardApplication: CardRequest.optional(),
})

export const BiometricsBody = z.object({
  portrait: Base64.describe('The face captured at the counter (JPEG, PNG or WebP), base64'),
  fingerprints: Base64.describe('An ISO/IEC 19794-2 record with at least two fingers, base64'),
})

export const ConfirmBody = z.object({
  citizenSigned: z
    .literal(true)
    .describe('The officer states that the citizen checked every field and signed'),
  statement: z.string().max(500).optional(),
})

export const RejectBody = z.object({
  reason: z.enum(Object.keys(COUNTER_REJECTION_REASONS) as [keyof typeof COUNTER_REJECTION_REASONS]),
  note: z.string().max(500).optional(),
})

export const CardRejectBody = z.object({ reason: z.enum(CARD_REJECTION_REASONS) })

export const IdParams = z.object({ id: z.uuid() })

export const QueueQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const CARD_LIST_STATES = ['open', 'received', 'approved', 'produced', 'delivered', 'rejected'] as const

export const CardListQuery = z.object({
  state: z
    .enum(CARD_LIST_STATES)
    .optional()
    .describe('One state, or `open` for those still in progress (received, approved); all when absent'),
  kind: z.enum(['issue', 'renewal', 'reissue']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
