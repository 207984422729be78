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
})
