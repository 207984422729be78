import { defineErrors } from '../../platform/errors.js'

export const LOCK_REQUESTS = defineErrors('lock_requests', {
  NOT_FOUND: [404, 'No such lock request'],
  REQUEST_OPEN: [409, 'A request for this account is already waiting for a decision'],
  GROUND_MISMATCH: [400, 'A lock rests on LID Art 34(1)(e) (lid_34_1_e); an unlock is an authority unlock'],
  WRONG_STATE: [409, 'This step is not allowed in the request’s current state'],
  ALREADY_DECIDED: [409, 'The request was already decided (or is not forwarded yet)'],
  REASONS_REQUIRED: [400, 'A refusal is written, with its reasons (D59 Art 19(4))'],
  DOCUMENT_DATE_IN_FUTURE: [400, 'The authority’s letter cannot be dated after today (Vietnam time)'],
  LOCK_UNTIL_FOR_LOCK_ONLY: [
    400,
    'Only a lock has an end date (lockUntil); an unlock takes effect when approved',
  ],
  LOCK_UNTIL_NOT_AFTER_TODAY: [400, 'The lock’s end date (lockUntil) must be after today (Vietnam time)'],
  LOCK_UNTIL_TOO_FAR: [400, 'The lock’s end date (lockUntil) may be at most 2 years ahead'],
  LOCK_UNTIL_PASSED: [
    409,
    'The lock’s end date has passed before the decision: refuse it, the authority sends a new request',
  ],
  CENTRAL_UNIT_REQUIRED: [
    403,
    'Under Decree 69 the head of the MPS ID-management body decides (D69 Art 29-30): a central-unit approver',
  ],
})
