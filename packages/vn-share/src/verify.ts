// Offline verification of a `VNO1:` QR: issuer signature against trusted keys, holder binding, 60-second
// window, credential validity, status (from a list fetched earlier), and replay against a seen store.

import { base45Decode } from './base45.js'
import { hex } from './bytes.js'
import { type Cbor, cborDecode } from './cbor.js'
import type { Claims, Profile } from './claims.js'
import { decodePayload, parseSign1, type StatusRef } from './credential.js'
import { failure, type VnShareFailure } from './errors.js'
import { type ShareKeyJwk, type TrustedKeys, trustKeys } from './keys.js'
import { deviceMessage, NONCE_BYTES, QR_MAX_AGE_SECONDS, QR_PREFIX } from './presentation.js'
import type { SeenStore } from './seen.js'

/** A credential's status as the verifier's cached status lists say: 'unknown' when it holds no current list. */
export type StatusCheck = (ref: StatusRef, now: Date) => 'valid' | 'invalid' | 'unknown'

export type VerifyOptions = {
  now: Date
  /** Remembers accepted QRs; without one, replay is not detected (say so to the user). */
  seen?: SeenStore
  status?: StatusCheck
  /** How far the QR's time may be ahead of this device's clock (holder and verifier clocks differ). */
  clockSkewSeconds?: number
}

export type VerifiedShare = {
  ok: true
  profile: Profile
  claims: Claims
  issuedAt: Date
  expiresAt: Date
  credentialId: string
  kid: string
  /** The time the holder's app made the QR. */
  presentedAt: Date
  status: StatusRef & { checked: 'valid' | 'unknown' }
  /** false when no seen store was given. */
  replayChecked: boolean
}
export type VerifyResult = VerifiedShare | VnShareFailure

const DEFAULT_SKEW_S = 30

const readQr = (text: string) => {
  if (!text.startsWith(QR_PREFIX)) return null
  const bytes = base45Decode(text.slice(QR_PREFIX.length))
  if (!bytes) return null
  let v: Cbor
  try {
    v = cborDecode(bytes)
  } catch {
    return null
  }
  if (!Array.isArray(v) || v.length !== 4) return null
  const [credential, time, nonce, signature] = v
  if (!(credential instanceof Uint8Array) || typeof time !== 'number' || time < 0) return null
  if (!(nonce instanceof Uint8Array) || nonce.length !== NONCE_BYTES) return null
  if (!(signature instanceof Uint8Array) || signature.length !== 64) return null
  return { credential: credential.slice(), time, nonce, signature: signature.slice() }
}

/** Verifies a scanned `VNO1:` text. Pass keys from trustKeys() to import them once (much faster). */
export const verifyQr = async (
  text: string,
  keys: TrustedKeys | readonly ShareKeyJwk[],
  opts: VerifyOptions,
): Promise<VerifyResult> => {
  const trusted = Array.isArray(keys) ? await trustKeys(keys) : (keys as TrustedKeys)
  const { crypto } = trusted
  const qr = readQr(text)
  const sign1 = qr ? parseSign1(qr.credential) : null
  if (!qr || !sign1) return failure('vn-share.MALFORMED')

  const issuerKey = trusted.byKid.get(hex(sign1.kid))
  if (issuerKey === undefined) return failure('vn-share.KEY_UNKNOWN')
  if (!(await crypto.verify(issuerKey, sign1.toBeSigned, sign1.signature)))
    return failure('vn-share.SIGNATURE_INVALID')
  const cred = decodePayload(sign1.payload, sign1.kid)
  if (!cred) return failure('vn-share.MALFORMED')

  const hash = await crypto.sha256(qr.credential)
  let deviceOk = false
  try {
    const deviceKey = await crypto.importDeviceKey(cred.deviceKey)
    deviceOk =
      deviceKey !== null &&
      (await crypto.verify(deviceKey, deviceMessage(hash, qr.time, qr.nonce), qr.signature))
  } catch {
    deviceOk = false
  }
  if (!deviceOk) return failure('vn-share.DEVICE_SIGNATURE_INVALID')

  const nowS = Math.floor(opts.now.getTime() / 1000)
  if (qr.time > nowS + (opts.clockSkewSeconds ?? DEFAULT_SKEW_S)) return failure('vn-share.NOT_YET_VALID')
  if (nowS - qr.time > QR_MAX_AGE_SECONDS) return failure('vn-share.EXPIRED')
  if (cred.expiresAt.getTime() <= opts.now.getTime()) return failure('vn-share.CREDENTIAL_EXPIRED')

  const status = opts.status?.(cred.status, opts.now) ?? 'unknown'
  if (status === 'invalid') return failure('vn-share.REVOKED')

  // Last, so that only a presentation that passed every other check takes a place in the store.
  if (opts.seen) {
    const key = `${hex(hash.subarray(0, 16))}.${qr.time}.${hex(qr.nonce)}`
    const until = new Date((qr.time + QR_MAX_AGE_SECONDS + 1) * 1000)
    if (!(await opts.seen.firstSeen(key, until, opts.now))) return failure('vn-share.REPLAYED')
  }
  return {
    ok: true,
    profile: cred.profile,
    claims: cred.claims,
    issuedAt: cred.issuedAt,
    expiresAt: cred.expiresAt,
    credentialId: cred.id,
    kid: cred.kid,
    presentedAt: new Date(qr.time * 1000),
    status: { ...cred.status, checked: status },
    replayChecked: opts.seen !== undefined,
  }
}
