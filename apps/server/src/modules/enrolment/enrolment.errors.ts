import { defineErrors } from '../../platform/errors.js'

export const ENROLMENT = defineErrors('enrolment', {
  NOT_FOUND: [404, 'No such counter dossier'],
  CARD_APPLICATION_NOT_FOUND: [404, 'No such ID-card application'],
  PERSON_NOT_FOUND: [404, 'No living person or foreign resident with this number in the registry'],
  QR_INVALID: [400, 'The CCCD QR payload cannot be read'],
  SUBJECT_REQUIRED: [400, 'Give a personal ID number, a CCCD QR payload or a foreigner ID number'],
  VALID_CARD_REQUIRED: [
    422,
    'The person has no valid ID card: file a card application with the dossier (D69 Art 10, 13(2))',
  ],
  NOT_ELIGIBLE: [422, 'The person cannot have a level-2 account under the legal regime in force'],
  ALREADY_LEVEL2: [409, 'The person already has a level-2 account'],
  ACCOUNT_NOT_UPGRADABLE: [409, 'The existing account is locked or closed: it cannot be upgraded'],
  DOSSIER_OPEN: [409, 'The person already has a dossier in progress'],
  WRONG_UNIT: [
    403,
    "Foreigners' level 2 is received at an immigration office, citizens' at police or ID offices (D69 Art 10-11)",
  ],
  CARD_FOR_CITIZENS_ONLY: [422, 'ID cards are issued to Vietnamese citizens only'],
  CARD_AT_POLICE_ONLY: [
    403,
    'ID-card applications are handled by police and ID-management offices, not by immigration offices',
  ],
  CARD_APPLICATION_OPEN: [409, 'The person already has an ID-card application in progress'],
  REASON_INVALID: [400, 'This reason does not go with this kind of card application'],
  PHONE_NOT_OWN_NAME: [422, "The carrier does not record this mobile number in the person's own name"],
  CARRIER_UNAVAILABLE: [503, "The carrier's subscriber service did not answer: try again"],
  INVALID_EMAIL: [400, 'Not an e-mail address'],
  FACE_MISMATCH: [422, 'The captured face does not match the portrait on record: capture again'],
  FINGERPRINT_MISMATCH: [422, 'The captured fingerprints do not match those on record: capture again'],
  TOO_FEW_FINGERS: [400, 'Capture at least two fingers'],
  NO_BIOMETRIC_REFERENCE: [
    422,
    'No portrait or fingerprints on record to compare with: take them with a card application',
  ],
  WRONG_STATE: [409, 'This step is not allowed in the dossier’s current state'],
  ALREADY_DECIDED: [409, 'The dossier was already decided (or is not submitted)'],
  CARD_NOT_PRODUCED: [
    409,
    'The ID card applied for with this dossier is not produced yet: approve the dossier after the card',
  ],
})
