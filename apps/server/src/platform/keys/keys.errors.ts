import { defineErrors } from '../errors.js'

export const KEYS = defineErrors('keys', {
  KEK_MISSING: [500, 'No key-encryption key: set KEK or KEK_FILE'],
  KEK_INVALID: [500, 'The key-encryption key must be 32 bytes in base64url (43 characters)'],
  KEK_MISMATCH: [500, 'The key-encryption key does not decrypt the stored signing keys (wrong KEK?)'],
  DATA_UNREADABLE: [500, 'Encrypted data does not open with this key-encryption key, or was altered'],
  NO_ACTIVE_KEY: [503, 'No active signing key: call ensureActiveKey at startup'],
})
