// Three-digit national prefix (with the leading 0) → carrier.
export type MobilePrefixTable = Readonly<Record<string, string>>

// DOMAIN §6.3 (MIC conversion 2018–2019); 052/055/087 come from developer lists, hence configurable.
const BY_CARRIER: Readonly<Record<string, readonly string[]>> = {
  Viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
  VinaPhone: ['081', '082', '083', '084', '085', '088', '091', '094'],
  MobiFone: ['070', '076', '077', '078', '079', '089', '090', '093'],
  Vietnamobile: ['052', '056', '058', '092'],
  Gmobile: ['059', '099'],
  iTel: ['087'],
  Reddi: ['055'],
}

export const DEFAULT_MOBILE_PREFIXES: MobilePrefixTable = Object.freeze(
  Object.fromEntries(
    Object.entries(BY_CARRIER).flatMap(([carrier, prefixes]) => prefixes.map((p) => [p, carrier])),
  ),
)
