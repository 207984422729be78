// A QR symbol as one SVG path: each run of dark modules in a row is one rectangle, so a 60-line code
// is a few hundred path commands rather than thousands of <rect> elements.

export type Modules = { size: number; get: (row: number, col: number) => number | boolean }

/** The path data of the dark modules, in module units (the quiet zone is the caller's viewBox). */
export const qrPath = ({ size, get }: Modules): string => {
  const parts: string[] = []
  for (let row = 0; row < size; row++) {
    let col = 0
    while (col < size) {
      if (!get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < size && get(row, col)) col++
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`)
    }
  }
  return parts.join('')
}

/** The four-module quiet zone of ISO/IEC 18004 around the symbol. */
export const QUIET_ZONE = 4
