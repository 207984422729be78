// Reads just enough of an ISO/IEC 19794-2:2005 record to show which fingers it holds (the server checks the rest).

const HEADER_BYTES = 24
const VIEW_HEADER_BYTES = 4
const MINUTIA_BYTES = 6

export type FingerRecord = { positions: number[] }

/** The finger positions (0-10) of the record's views, or null when it is not an FMR record. */
export const readFingerPositions = (bytes: Uint8Array): FingerRecord | null => {
  if (bytes.length < HEADER_BYTES) return null
  const magic = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0)
  if (magic !== 'FMR') return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = view.getUint8(22)
  const positions: number[] = []
  let at = HEADER_BYTES
  for (let i = 0; i < count; i++) {
    if (at + VIEW_HEADER_BYTES > bytes.length) return null
    const position = view.getUint8(at)
    const minutiae = view.getUint8(at + 3)
    at += VIEW_HEADER_BYTES + minutiae * MINUTIA_BYTES
    if (at + 2 > bytes.length) return null
    at += 2 + view.getUint16(at)
    if (position > 10) return null
    positions.push(position)
  }
  return { positions }
}

export const base64OfBytes = (bytes: Uint8Array): string => {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
