import { z } from 'zod'

// Loose here on purpose: the service says which date is wrong with a code of its own (report-range.ts).
const Day = z.string().max(10).describe('A Vietnam calendar day, YYYY-MM-DD')
const UnitCode = z.string().min(1).max(50)

export const RangeQuery = z.object({
  from: Day.optional().describe('First day counted (default: 29 days before `to`)'),
  to: Day.optional().describe('Last day counted (default: today in Vietnam)'),
  unit: UnitCode.optional().describe("Narrow to one unit within the officer's jurisdiction"),
})

export const ScopeQuery = z.object({
  unit: UnitCode.optional().describe("Narrow to one unit within the officer's jurisdiction"),
})

export const UnitParams = z.object({ code: UnitCode })

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export type RangeAsked = z.infer<typeof RangeQuery>
