import { provinceByCode } from '@dinhdanh/vn-id'

/** OpenID Connect Core §5.1.1 address, as far as the registry's free-text address can be split. */
export type AddressClaim = {
  formatted: string
  street_address?: string
  locality?: string
  region?: string
  country: 'VN'
}

// The commune-level unit names (xã, phường, thị trấn, đặc khu) that open the locality part of an address.
const COMMUNE = /^(phường|xã|thị trấn|đặc khu)\s/iu

/**
 * A permanent-residence address as the registry writes it, "street, commune, [district,] province":
 * the commune is the locality, the last part the province; a district (abolished on 1 July 2025) stays
 * only in `formatted`. An address with no commune part keeps everything before the province as the street.
 */
export const addressClaim = (address: string, provinceCode: string): AddressClaim | undefined => {
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  if (!parts.length) return undefined
  const region = parts.length > 1 ? parts.at(-1) : provinceByCode(provinceCode)?.nameVi
  const body = parts.length > 1 ? parts.slice(0, -1) : parts
  const commune = body.findIndex((p) => COMMUNE.test(p))
  const street = (commune === -1 ? body : body.slice(0, commune)).join(', ')
  return {
    formatted: parts.join(', '),
    ...(street ? { street_address: street } : {}),
    ...(commune === -1 ? {} : { locality: body[commune] }),
    ...(region ? { region } : {}),
    country: 'VN',
  }
}
