import { defineErrors } from '../../platform/errors.js'

export const DOCUMENTS = defineErrors('documents', {
  LEVEL2_REQUIRED: [403, 'Integrating documents needs a level-2 e-ID account (D69 Art 9)'],
  NOT_FOUND_AT_SOURCE: [404, 'The issuing system holds no document of this kind for this personal ID number'],
  NUMBER_MISMATCH: [
    422,
    'The issuing system holds no document with this number for this personal ID number: check the number on the original',
  ],
  SOURCE_SUSPENDED: [409, 'The issuing system has suspended this document: it cannot be integrated now'],
  SOURCE_REVOKED: [409, 'The issuing system has revoked this document'],
  SOURCE_EXPIRED: [409, 'This document has expired at the issuing system'],
  SOURCE_UNAVAILABLE: [503, 'The issuing system did not answer; try again later'],
  ALREADY_INTEGRATED: [409, 'This document is already integrated'],
  NOT_FOUND: [404, 'No such integrated document'],
  ORIGINALS_NOT_CHECKED: [400, 'The officer must check the original document before integrating it'],
})
