// What the officer types or the USB scanner types into the find field: a 12-digit ID or a CCCD QR payload.

export type Subject =
  | { kind: 'id'; personalId: string }
  | { kind: 'qr'; personalId: string; qr: string }
  | { kind: 'foreigner'; foreignerId: string }

export type SubjectError = 'required' | 'invalid' | 'qrInvalid' | 'foreignerInvalid'

/** The CCCD QR (DOMAIN §6.2): `ID|old CMND|name|DDMMYYYY|gender|address|issue date`, ID first. */
const readQr = (raw: string): Subject | SubjectError => {
  const id = raw.split('|')[0]?.trim() ?? ''
  return /^\d{12}$/.test(id) ? { kind: 'qr', personalId: id, qr: raw } : 'qrInvalid'
}

export const readSubject = (input: string, foreigner: boolean): Subject | SubjectError => {
  const raw = input.trim()
  if (raw === '') return 'required'
  if (foreigner) {
    const id = raw.toUpperCase()
    return /^[A-Z]{2}\d{10}$/.test(id) ? { kind: 'foreigner', foreignerId: id } : 'foreignerInvalid'
  }
  if (raw.includes('|')) return readQr(raw)
  const id = raw.replace(/[\s.-]/g, '')
  return /^\d{12}$/.test(id) ? { kind: 'id', personalId: id } : 'invalid'
}

export const isSubject = (value: Subject | SubjectError): value is Subject => typeof value !== 'string'

/** The subject part of POST /counter/dossiers. */
export const subjectBody = (s: Subject) =>
  s.kind === 'foreigner'
    ? { foreignerId: s.foreignerId }
    : s.kind === 'qr'
      ? { qr: s.qr }
      : { personalId: s.personalId }
