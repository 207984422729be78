import { defineErrors } from '../../platform/errors.js'

// None of these says whose share a token was: a caller learns the token's state, never its holder.
export const SHARING = defineErrors('sharing', {
  LEVEL2_REQUIRED: [403, 'Sharing identity data by QR needs a level-2 e-ID account (D69 Art 9)'],
  CARD_FOR_CITIZENS_ONLY: [
    403,
    'ID cards are issued to Vietnamese citizens; a foreign resident can share name, date of birth and nationality, or prove the app to an officer',
  ],
  DOCUMENTS_FOR_CITIZENS_ONLY: [
    403,
    'Integrated documents are matched by the 12-digit personal ID number, so a foreign resident has none to share; share name, date of birth and nationality instead',
  ],
  TOO_MANY_PENDING: [429, 'Too many QR codes are waiting to be scanned: cancel one or let it expire'],
  NO_VALID_CARD: [409, 'The registry holds no valid ID card for this person'],
  RECORD_MISSING: [409, 'The registry holds no record for this account'],
  HOLDER_INACTIVE: [
    409,
    'The holder’s e-ID account is locked or no longer level 2: this QR code cannot be used',
  ],
  DOCUMENT_NOT_FOUND: [404, 'No such integrated document in your app'],
  DOCUMENT_NOT_VALID: [409, 'Only a valid (active) document can be shared'],
  NOT_FOUND: [404, 'No such share'],
  NOT_PENDING: [409, 'This share was already scanned, cancelled or has expired'],
  QR_INVALID: [400, 'This is not an online sharing QR code (VNS1:…)'],
  TOKEN_UNKNOWN: [404, 'This QR code is not known: it was never issued or was tampered with'],
  TOKEN_EXPIRED: [410, 'This QR code has expired (it is valid for 60 seconds): ask for a new one'],
  TOKEN_USED: [409, 'This QR code was already scanned: each code is valid once'],
  SHARE_CANCELLED: [410, 'The holder cancelled this QR code'],
  WRONG_CHANNEL: [
    409,
    'This QR code is not for this kind of scan: an app check is scanned in the VNeID app, a data share by a registered verifier',
  ],
  SELF_REDEEM: [403, 'You cannot scan your own QR code'],
  RATE_LIMITED: [
    429,
    'Too many failed redemptions by this verifier in the last minute: wait (Retry-After) before scanning more',
  ],
})
