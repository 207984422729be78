// HTTP content negotiation for a status list (draft-ietf-oauth-status-list §8.1): JWT unless the CWT is preferred.

const JWT = 'application/statuslist+jwt'
const CWT = 'application/statuslist+cwt'

/** The q-value the Accept header gives a media type (RFC 9110 §12.5.1), exact types only; 0 if absent. */
const qualityOf = (accept: string, type: string) => {
  let best = 0
  for (const part of accept.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    if (name !== type) continue
    const q = params.find((p) => p.startsWith('q='))
    const v = q ? Number(q.slice(2)) : 1
    if (Number.isFinite(v)) best = Math.max(best, Math.min(1, v))
  }
  return best
}

/** true when the client ranks application/statuslist+cwt above the JWT; on a tie, or no Accept, the JWT. */
export const prefersCwt = (accept: string | undefined) =>
  accept !== undefined && qualityOf(accept, CWT) > qualityOf(accept, JWT)
