import QRCode from 'qrcode'

/** The otpauth:// URI as a QR code the authenticator app scans: an SVG data URL (the CSP allows data: images). */
export const qrDataUrl = async (text: string): Promise<string> => {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
