import { defineErrors } from '../../platform/errors.js'

export const ONBOARDING = defineErrors('onboarding', {
  NOT_FOUND: [404, 'No such relying-party application'],
  SECURITY_LEVEL_TOO_LOW: [
    400,
    'A service connects only if its information system has security level 3 or more (D69 Art 18)',
  ],
  APPLICANT_LEVEL_2_REQUIRED: [
    403,
    'An organisation applies through a person with a level-2 e-ID account (its representative or an authorised person)',
  ],
  ORG_CODE_INVALID: [400, 'A tax or enterprise code is 10 digits, or 10 digits, a dash and 3 digits'],
  AGREEMENT_DATE_INVALID: [400, 'The agreement cannot be signed after today (Vietnam time)'],
  WRONG_STATE: [409, 'This step is not allowed in the application’s current state'],
  REASON_REQUIRED: [400, 'A refusal gives its reason in writing (at least 10 characters)'],
  CENTRAL_UNIT_REQUIRED: [403, 'Relying parties are appraised by the management agency (a central unit)'],
  CREDENTIALS_ALREADY_COLLECTED: [
    409,
    'The credentials were already shown once: rotate the secret to get a new one',
  ],
  NO_SECRET: [409, 'This client authenticates with its keys (private_key_jwt): it has no secret'],
  NO_KEYS: [409, 'This client authenticates with a secret: it has no keys to replace'],
  NOT_APPROVED: [409, 'The application is not approved: it has no client yet'],
  SANDBOX_OFF: [404, 'This deployment is not a sandbox: test clients are registered through an application'],
  SANDBOX_LIMIT: [409, 'The sandbox allows a limited number of test clients per developer'],
})
