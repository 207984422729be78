// What the holder sees of the browser asking to be logged in: enough to recognise their own, nothing precise.

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/CocCoc/, 'Cốc Cốc'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

const first = (table: Array<[RegExp, string]>, ua: string) => table.find(([re]) => re.test(ua))?.[1]

/** "Chrome · Windows", or "?" parts when the user agent says nothing we know. */
export const browserOf = (userAgent: string | undefined) => {
  const ua = userAgent ?? ''
  return `${first(BROWSERS, ua) ?? '?'} · ${first(SYSTEMS, ua) ?? '?'}`
}

/** The address with its last part hidden: 203.0.113.x, or the first four groups of an IPv6 address. */
export const approximateIp = (ip: string) => {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(ip)
  if (v4) return `${v4[1]}.x`
  const groups = ip.split(':').filter(Boolean)
  return groups.length ? `${groups.slice(0, 4).join(':')}:…` : '?'
}
