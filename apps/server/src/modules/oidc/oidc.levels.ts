// Authentication context classes: the assurance level of the e-ID account that logged in (DOMAIN §2.1, §2.3).
export const ACR = {
  1: 'urn:dinhdanh:loa:1',
  2: 'urn:dinhdanh:loa:2',
} as const
export const ACR_VALUES = [ACR[1], ACR[2]]

export type Level = 1 | 2

export const acrOf = (level: number): string => (level >= 2 ? ACR[2] : ACR[1])

export const levelOfAcr = (acr: unknown): Level | undefined =>
  acr === ACR[2] ? 2 : acr === ACR[1] ? 1 : undefined

/**
 * The level a login must reach: the relying party's registered minimum, raised by `acr_values` when the
 * request names only higher levels of ours (any listed value is acceptable, so the lowest one counts).
 */
export const requiredLevel = (clientMin: number, acrValues: unknown): number => {
  const asked =
    typeof acrValues === 'string'
      ? acrValues
          .split(' ')
          .map(levelOfAcr)
          .filter((l): l is Level => l !== undefined)
      : []
  return Math.max(clientMin, asked.length ? Math.min(...asked) : 1)
}

// RFC 8176 values as the accounts session records them; two different factors also make `mfa`.
const FACTORS = new Set(['pwd', 'otp', 'sms', 'hwk', 'swk', 'pin', 'face', 'fpt'])

export const amrOf = (methods: readonly string[]): string[] => {
  const out = [...new Set(methods)]
  const factors = out.filter((m) => FACTORS.has(m))
  if (factors.length >= 2 && !out.includes('mfa')) out.push('mfa')
  return out
}
