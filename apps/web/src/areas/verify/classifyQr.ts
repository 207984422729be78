// What a scanned or pasted QR text is, before anything is checked: the verifier page sends each kind down
// its own path (docs/sharing.md).

export type QrKind =
  | { kind: 'offline'; text: string }
  | { kind: 'online'; text: string }
  | { kind: 'card'; text: string }
  | { kind: 'unknown' }

/** Scanners and copy-paste add whitespace, line breaks and a BOM; none of them belong to any of our codes. */
const clean = (text: string) => text.replace(/^\uFEFF/, '').trim()

export const classifyQr = (raw: string): QrKind => {
  const text = clean(raw)
  if (text.startsWith('VNO1:')) return { kind: 'offline', text }
  if (text.startsWith('VNS1:')) return { kind: 'online', text }
  // The printed card's QR: pipe-separated fields, the 12-digit personal ID number first (Circular 59/2021).
  if (/^\d{12}\|/.test(text))
    return { kind: 'card', text: raw.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '') }
  return { kind: 'unknown' }
}
