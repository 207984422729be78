/** A passport as a carrier records a foreign subscriber's identity document. */
export type Passport = { nationality: string; number: string }

/** The identity document the subscriber is asked about: what a carrier's contract names. */
export type SubscriberDocument =
  | { personalId: string }
  | { foreignerId: string; passport?: Passport }
  | { passport: Passport }

/** Is `phone` (E.164) a subscription in the name of the person holding this document? */
export type OwnershipQuery = { phone: string } & SubscriberDocument

/**
 * The carrier's answer. `unknown_subscriber`: no active subscription has this number; `unavailable`: the
 * carrier did not answer (in time), so nothing is decided and the caller asks again later.
 */
export type OwnershipResult = 'own_name' | 'not_own_name' | 'unknown_subscriber' | 'unavailable'

/**
 * The port to the carriers' subscriber-information service ("số thuê bao di động chính chủ", D69 Art 10).
 * `source` names the implementation: 'off' asks nobody and answers own_name to every number.
 */
export type PhoneOwnershipChecker = {
  readonly source: 'sandbox' | 'off'
  check(query: OwnershipQuery): Promise<{ result: OwnershipResult }>
}
