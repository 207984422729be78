import { createHash } from 'node:crypto'

const digestsIn = (value: unknown, out: Set<string>) => {
  if (Array.isArray(value)) {
    for (const v of value) digestsIn(v, out)
    return
  }
  if (value === null || typeof value !== 'object') return
  for (const [k, v] of Object.entries(value)) {
    if (k === '_sd' && Array.isArray(v)) {
      for (const d of v) if (typeof d === 'string') out.add(d)
    } else if (k === '...' && typeof v === 'string') out.add(v)
    else digestsIn(v, out)
  }
}

const json = (b64: string): unknown => JSON.parse(Buffer.from(b64, 'base64url').toString('utf8'))

/**
 * The disclosures of a compact SD-JWT that no digest refers to (RFC 9901: such an SD-JWT MUST be rejected).
 * The @sd-jwt library ignores them silently, so a changed disclosure would vanish instead of failing.
 */
export const unreferencedDisclosures = (compact: string): string[] => {
  const [jwt = '', ...rest] = compact.split('~')
  // The last part is the key-binding JWT (with dots) or empty; disclosures are plain base64url.
  const disclosures = rest.filter((d) => d !== '' && !d.includes('.'))
  const digests = new Set<string>()
  try {
    digestsIn(json(jwt.split('.')[1] ?? ''), digests)
    for (const d of disclosures) digestsIn(json(d), digests)
  } catch {
    return disclosures
  }
  return disclosures.filter((d) => !digests.has(createHash('sha256').update(d).digest('base64url')))
}
