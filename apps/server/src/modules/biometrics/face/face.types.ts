/** A face box in image pixels: left, top, width, height. */
export type FaceBox = readonly [x: number, y: number, width: number, height: number]

/** Head rotation in degrees; 0/0/0 looks straight at the camera. */
export type HeadPose = { yaw: number; pitch: number; roll: number }

/** Eye aspect ratio (eyelid gap over eye width) per eye: about 0.25-0.35 open, under 0.15 closed. */
export type EyeOpenness = { left: number; right: number }

/** What a worker found on one face, in the analysed image's pixels; plain data across the thread boundary. */
export type DetectedFace = {
  box: FaceBox
  /** Detector confidence, 0..1. */
  score: number
  pose: HeadPose
  eyes: EyeOpenness | null
  /** Anti-spoofing model: probability the face is a real face rather than a print or screen, 0..1. */
  antispoof: number | null
  /** Liveness model: probability of a live capture, 0..1. */
  liveness: number | null
  /** L2-normalised embedding (1024 values for faceres); empty when the model gave none. */
  embedding: Float32Array
}

/** A detected face with the measures taken in the main thread; sizes in the original image's pixels. */
export type FaceObservation = Omit<DetectedFace, 'box'> & {
  box: FaceBox
  /** Shorter side of the face box, in original pixels. */
  size: number
  /** Variance of the Laplacian of the face crop at 128×128 grey; low means blurred. */
  sharpness: number
}

export type WorkerTask = {
  pixels: Uint8Array
  width: number
  height: number
  /** Run the anti-spoofing and liveness models (live captures); off for stored reference portraits. */
  spoofChecks: boolean
}
export type WorkerResult = { faces: DetectedFace[] }

/** A stored face template: only templates of the same model version may be compared. */
export type FaceTemplate = { modelVersion: string; embedding: Float32Array }
