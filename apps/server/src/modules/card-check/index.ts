// The card-check module's public face: a printed ID card's QR read and checked against the registry.
export { CARD_CHECK } from './card-check.errors.js'
export { checkCardQrAsOfficer } from './card-check.officer.js'
export { cardCheckRoutes, VERIFIER_SCOPE } from './card-check.routes.js'
export {
  type CardCheck,
  type CardCheckOutcome,
  checkCardQr,
  type ParsedCard,
  parseCardQr,
} from './card-check.service.js'
export {
  type CardFacts,
  type Matches,
  type RegistryFacts,
  VERDICTS,
  type Verdict,
} from './card-check.verdict.js'
export { CARD_QR_CHANNEL, checkCardQrAsVerifier } from './card-check.verifier.js'
export type { CardCheckView, OfficerCardCheckView } from './card-check.view.js'
