import { isLocalDate } from '@dinhdanh/vn-id'
import { z } from 'zod'

const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isLocalDate, 'a real calendar date')

export const RecordBody = z.object({
  personalId: z
    .string()
    .regex(/^(\d{12}|NN\d{10})$/, 'a 12-digit personal ID number or a foreigner ID number')
    .describe("The account holder's personal ID number (or foreigner ID number)"),
  kind: z.enum(['lock', 'unlock']),
  ground: z
    .enum(['lid_34_1_e', 'authority_unlock'])
    .describe(
      'lock: LID Art 34(1)(e), the request of a competent authority; unlock: that authority lifts it',
    ),
  authority: z.object({
    name: z.string().trim().min(3).max(300).describe('The requesting authority, as on its letter'),
    documentNumber: z.string().trim().min(1).max(100),
    documentDate: LocalDate.describe('The date on the letter; not after today (Vietnam time)'),
  }),
  lockUntil: LocalDate.optional().describe(
    'A lock only: the last day it holds, if the letter gives one (after today, at most 2 years ahead); the lock job lifts it the day after',
  ),
  note: z.string().trim().max(2000).optional(),
})

export const IdParams = z.object({ id: z.uuid() })

export const RefuseBody = z.object({
  reasons: z.string().max(4000).default('').describe('The written reasons sent to the authority (required)'),
})

export const QueueQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const RecordedQuery = QueueQuery.extend({
  state: z
    .enum(['recorded', 'forwarded', 'decided'])
    .optional()
    .describe(
      'recorded: still to forward; forwarded: waiting for the decision; decided: refused or carried out',
    ),
})
