/**
 * One row per offline presentation a registered verifier accepted (any of its scanners), kept while the QR
 * could still be shown: a second scan by the same verifier is a replay. Only a digest, never the QR.
 */
export interface VerifierSeenTable {
  /** The verifier's OAuth client (the machine token's client_id): the store is per verifier. */
  client_id: string
  /** base64url SHA-256 of the presentation's seen key (vn-share `seenKeyDigest`), 43 characters. */
  presentation: string
  seen_at: Date
  expires_at: Date
}
