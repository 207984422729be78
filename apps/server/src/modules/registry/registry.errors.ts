import { defineErrors } from '../../platform/errors.js'

export const REGISTRY = defineErrors('registry', {
  PERSON_NOT_FOUND: [404, 'No person with this number in the registry'],
  FOREIGNER_NOT_FOUND: [404, 'No foreigner with this number in the registry'],
  SEARCH_TOO_BROAD: [400, 'A search needs a name and at least one of dob or province'],
  INVALID_FOREIGNER_ID: [400, 'A foreigner ID number is "NN" followed by 10 digits'],
  INVALID_DATE: [400, 'A date of birth is YYYY, YYYY-MM or YYYY-MM-DD'],
})
