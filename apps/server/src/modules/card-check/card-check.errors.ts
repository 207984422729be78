import { defineErrors } from '../../platform/errors.js'

export const CARD_CHECK = defineErrors('card_check', {
  QR_INVALID: [
    400,
    "This is not a readable ID card QR code (the details name the vn-id code and the card's field)",
  ],
})
