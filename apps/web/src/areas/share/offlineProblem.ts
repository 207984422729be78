import { ApiError } from '../../api'

/** Why an offline QR could not be made, in words the holder can act on. */
export type OfflineProblem =
  | { kind: 'unavailable' }
  | { kind: 'noStorage' }
  | { kind: 'api'; error: ApiError }
  | { kind: 'failed'; message: string }

export const offlineProblemOf = (e: unknown): OfflineProblem => {
  // The compact-credential endpoint not deployed on this server: 404 on the route itself.
  if (e instanceof ApiError && e.status === 404 && e.code === 'platform.NOT_FOUND')
    return { kind: 'unavailable' }
  if (e instanceof ApiError) return { kind: 'api', error: e }
  if (
    e instanceof DOMException &&
    (e.name === 'InvalidStateError' || e.name === 'SecurityError' || e.name === 'UnknownError')
  )
    return { kind: 'noStorage' }
  return { kind: 'failed', message: e instanceof Error ? e.message : String(e) }
}
