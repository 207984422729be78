import { isIPv4, isIPv6 } from 'node:net'

/** The lockout counts failures per account and source; the global row of an account uses this source. */
export const ANY_SOURCE = '*'

const expandIPv6 = (ip: string): string[] => {
  const [head = '', tail] = ip.split('::') as [string, string | undefined]
  const parts = (s: string) => (s ? s.split(':') : [])
  const h = parts(head)
  const t = parts(tail ?? '')
  const missing = tail === undefined ? 0 : 8 - h.length - t.length
  return [...h, ...Array<string>(missing).fill('0'), ...t]
}

/**
 * Where a request comes from, as the lockout and rate limits count it: an IPv4 address as is, an IPv6
 * address as its /64 (one subscriber usually holds a whole /64, so single addresses are free to rotate),
 * an IPv4-mapped IPv6 address as the IPv4 address.
 */
export const sourceOf = (ip: string): string => {
  const bare =
    ip
      .trim()
      .replace(/^\[|\]$/g, '')
      .split('%')[0] ?? ''
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped?.[1]) return mapped[1]
  if (isIPv4(bare)) return bare
  if (isIPv6(bare)) {
    const groups = expandIPv6(bare.toLowerCase()).slice(0, 4)
    return `${groups.map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`
  }
  return `other:${bare.slice(0, 64)}`
}
