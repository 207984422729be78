export const FACE_CHECK_PATH = '/officer/biometrics'

export const reviewPath = (verificationId: string) =>
  `${FACE_CHECK_PATH}/verifications/${encodeURIComponent(verificationId)}`
