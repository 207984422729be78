import { defineErrors } from '../../platform/errors.js'

export const BIOMETRICS = defineErrors('biometrics', {
  NO_REFERENCE: [404, 'No enrolled reference of this kind for this person (for the current model)'],
  FINGER_NOT_ENROLLED: [422, 'None of the captured fingers is enrolled for this person'],
  VERIFICATION_NOT_FOUND: [404, 'No such verification'],
  ALREADY_REVIEWED: [409, 'This verification has already been reviewed'],
  OWN_VERIFICATION: [403, 'An officer cannot review a check they made themselves'],
  SUBJECT_INVALID: [400, 'Not a personal ID number (12 digits) or foreigner ID number (NN and 10 digits)'],
  POLICY_INVALID: [500, 'BIOMETRIC_POLICY is not a valid override of the biometric policy'],
})
