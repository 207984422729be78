import { defineErrors } from '../../platform/errors.js'

export const CREDENTIALS = defineErrors('credentials', {
  PERSON_NOT_FOUND: [404, 'No registry record for this personal ID number'],
  PERSON_DECEASED: [409, 'The person is recorded as deceased: no credential is issued'],
  NO_VALID_CARD: [409, 'The person holds no valid ID card: no identity credential is issued'],
  DOCUMENT_EXPIRED: [409, 'The document has expired: no credential is issued'],
  DOCUMENT_INVALID: [400, 'The document is invalid'],
  HOLDER_KEY_INVALID: [400, 'The holder key must be a public EC P-256 JWK'],
  NOT_FOUND: [404, 'Credential not found'],
  ALREADY_REVOKED: [409, 'The credential is already revoked'],
  STATUS_LIST_NOT_FOUND: [404, 'Status list not found'],
  BATCH_SIZE_INVALID: [400, 'A batch of offline share credentials holds 1 to 10'],
  PRESENTATION_INVALID: [400, 'The SD-JWT VC presentation is invalid'],
  PROOF_INVALID: [
    400,
    'The proof of possession is invalid: a compact ES256 JWS of type openid4vci-proof+jwt, signed by the public P-256 key in its header, for this issuer, just made',
  ],
  NONCE_INVALID: [400, 'The nonce is unknown, used, expired or not yours: ask for a new one'],
  LEVEL2_REQUIRED: [403, 'Credentials are issued to a level-2 e-ID account'],
  DOCUMENT_NOT_FOUND: [404, 'You have no integrated document with this id'],
  CARD_FOR_CITIZENS_ONLY: [
    403,
    'ID cards are issued to Vietnamese citizens: the identity credential (PID) and the card profile stand on one; a foreign resident holds the basic profile',
  ],
  DOCUMENTS_FOR_CITIZENS_ONLY: [
    403,
    'Integrated documents are matched by the 12-digit personal ID number, so a foreign resident has none to hold as a credential',
  ],
  DOCUMENT_NOT_ACTIVE: [
    409,
    'The document is suspended, revoked or expired at its source: no credential is issued',
  ],
  FORMAT_UNSUPPORTED: [400, 'An mdoc (mso_mdoc) is issued only for a driving licence'],
  SEEN_WINDOW_INVALID: [400, "`until` must lie within 5 minutes of the server's clock: a QR lives 60 s"],
  MDOC_STATUS_UNAVAILABLE: [
    400,
    "No statement about the mdoc's status can be made (draft-ietf-oauth-status-list §8.3): reject it",
  ],
})
