import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** An unguessable token for a cookie: 256 bits, base64url. */
export const newToken = () => randomBytes(32).toString('base64url')

/** Tokens are stored hashed: a leaked table opens no session. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url')

export const sameToken = (a: string, b: string) => {
  const x = Buffer.from(tokenHash(a))
  const y = Buffer.from(tokenHash(b))
  return x.length === y.length && timingSafeEqual(x, y)
}

/** A short, human name for the device from its user agent ("Chrome on Android"). */
export const deviceName = (userAgent: string | undefined): string => {
  const ua = userAgent ?? ''
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Trình duyệt'
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : ''
  return os ? `${browser} · ${os}` : browser
}

/** '+84912345678' → '+84 91*****78': enough for the holder to recognise, too little for anyone else. */
export const phoneHint = (e164: string) =>
  `${e164.slice(0, 3)} ${e164.slice(3, 5)}${'*'.repeat(Math.max(0, e164.length - 7))}${e164.slice(-2)}`
