import { defineErrors } from '../../../platform/errors.js'

// Every refusal of a face image, with a code a UI can explain; `details` carry the measured values.
export const FACE = defineErrors('biometrics', {
  IMAGE_INVALID: [400, 'The file is not a readable JPEG, PNG or WebP image'],
  IMAGE_TOO_LARGE: [413, 'The image is too large (bytes or pixels)'],
  FACE_NOT_FOUND: [422, 'No face was found in the image'],
  FACE_MULTIPLE: [422, 'More than one face is in the image; only the person being verified may be visible'],
  FACE_TOO_SMALL: [422, 'The face is too small; come closer to the camera'],
  FACE_BLURRED: [422, 'The face is blurred; hold the camera still and make sure it is in focus'],
  FACE_TURNED: [422, 'The face is turned away; look straight at the camera'],
  FACE_EYES_CLOSED: [422, 'The eyes are closed; keep them open'],
  FACE_SPOOF_SUSPECTED: [422, 'The picture looks like a photo of a photo or a screen; use a live capture'],
  TEMPLATE_MODEL_MISMATCH: [409, 'The face templates were made by different models and cannot be compared'],
  TEMPLATE_INVALID: [400, 'The face template is malformed'],
  FACE_ENGINE_ABORTED: [503, 'The face check was cancelled or took too long; try again'],
  FACE_ENGINE_BUSY: [503, 'The face engine is busy; try again shortly'],
  FACE_ENGINE_FAILED: [503, 'The face engine failed on this image; try again'],
  FACE_ENGINE_CLOSED: [503, 'The face engine is shut down'],
})
