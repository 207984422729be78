import { defineErrors } from '../../../platform/errors.js'

// Every rejection of a fingerprint record; `details` name the byte offset and the field at fault.
export const FINGERPRINT = defineErrors('biometrics', {
  FINGERPRINT_MALFORMED: [400, 'The fingerprint record is malformed'],
  FINGERPRINT_BAD_FORMAT_ID: [400, 'Not an ISO/IEC 19794-2 finger minutiae record (expected "FMR\\0")'],
  FINGERPRINT_UNSUPPORTED_VERSION: [
    400,
    'Only ISO/IEC 19794-2:2005 records (version " 20\\0") are supported',
  ],
  FINGERPRINT_UNSUPPORTED_LENGTH_FORMAT: [
    400,
    'The record uses a 2-byte or 6-byte length (ANSI INCITS 378 layout); only the ISO 4-byte length is supported',
  ],
  FINGERPRINT_LENGTH_MISMATCH: [400, 'The declared record length differs from the bytes received'],
  FINGERPRINT_TRUNCATED: [400, 'The fingerprint record ends before its declared content'],
  FINGERPRINT_TRAILING_BYTES: [400, 'The fingerprint record has bytes after its last finger view'],
  FINGERPRINT_NO_VIEWS: [422, 'The fingerprint record holds no finger view'],
  FINGERPRINT_BAD_FINGER_POSITION: [400, 'Finger position must be 0 (unknown) to 10'],
  FINGERPRINT_MINUTIAE_COUNT_MISMATCH: [400, 'The number of minutiae does not fit in the record'],
  FINGERPRINT_UNKNOWN_MINUTIA_TYPE: [400, 'Minutia type bits 11 are reserved'],
  FINGERPRINT_MINUTIA_OUTSIDE_IMAGE: [400, 'A minutia lies outside the image'],
  FINGERPRINT_NOT_ENCODABLE: [400, 'The fingerprint cannot be encoded as ISO/IEC 19794-2:2005'],
  FINGERPRINT_TOO_FEW_MINUTIAE: [422, 'Too few minutiae to enrol or compare this finger'],
})
