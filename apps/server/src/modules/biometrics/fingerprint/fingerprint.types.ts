// The domain's words for a finger minutiae record, independent of how it is encoded.

/** ISO/IEC 19794-2 minutia types: 00 other, 01 ridge ending, 10 bifurcation (11 is reserved). */
export type MinutiaType = 'other' | 'ending' | 'bifurcation'

export type Minutia = {
  type: MinutiaType
  /** Pixels from the left edge. */
  x: number
  /** Pixels from the top edge (y grows downwards, as in the image). */
  y: number
  /** Degrees in [0, 360), counter-clockwise from the x axis as seen on the image (ISO convention). */
  angle: number
  /** 0 (not reported) to 100. */
  quality: number
}

/** ISO finger positions: 0 unknown, 1 right thumb … 5 right little, 6 left thumb … 10 left little. */
export type FingerPosition = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10

export type FingerView = {
  position: FingerPosition
  /** View number of this finger in the record, 0–15. */
  viewNumber: number
  /** Impression type, 0–15 (0 live-scan plain, 1 live-scan rolled, 2 non-live plain, 3 non-live rolled, …). */
  impression: number
  /** Finger quality 0–100. */
  quality: number
  minutiae: Minutia[]
}

export type FingerprintRecord = {
  /** Capture equipment compliance, 4 bits. */
  equipmentCompliance: number
  /** Capture equipment ID, 12 bits (0 unreported). */
  equipmentId: number
  width: number
  height: number
  /** Pixels per centimetre (500 dpi ≈ 197). */
  resolutionX: number
  resolutionY: number
  views: FingerView[]
}

/** What the matcher compares: one finger's minutiae on an image of known size. */
export type FingerTemplate = {
  width: number
  height: number
  minutiae: readonly Minutia[]
}

export const ANGLE_UNIT_DEGREES = 360 / 256

/** An angle in degrees as the ISO angle byte: rounded to 1.40625° and wrapped to [0, 256). */
export const angleToByte = (degrees: number) => (256 + (Math.round(degrees / ANGLE_UNIT_DEGREES) % 256)) % 256

/** One view of a record as a template for the matcher. */
export const templateOfView = (record: FingerprintRecord, view: FingerView): FingerTemplate => ({
  width: record.width,
  height: record.height,
  minutiae: view.minutiae,
})
