import { defineErrors } from '../../platform/errors.js'

export const CARD_CHECK = defineErrors('card_check', {
  QR_INVALID: [
    400,
    "This is not a readable ID card QR code (the details name the vn-id code and the card's field)",
  ],
  RATE_LIMITED: [
    429,
    'Too many card checks by this verifier in the last minute: wait (Retry-After) before checking more',
  ],
})
