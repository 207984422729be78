import { defineErrors } from '../../platform/errors.js'

export const DATA_ACCESS = defineErrors('data_access', {
  ENTRY_INVALID: [
    500,
    'A data-access entry needs a subject, a recipient, a channel and at least one claim name',
  ],
  CURSOR_INVALID: [400, 'The page cursor is not one this server gave'],
})
