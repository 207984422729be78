import { z } from 'zod'

/** The body of every error answer (error-handler.ts renders it), as routes declare it for OpenAPI. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
})
