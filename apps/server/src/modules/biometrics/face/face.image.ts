import sharp from 'sharp'
import { FACE } from './face.errors.js'
import type { FaceBox } from './face.types.js'

/** Decoded RGB pixels, row-major, 3 bytes a pixel, at most `ANALYSIS_SIDE` on the longer side. */
export type RgbImage = {
  pixels: Uint8Array
  width: number
  height: number
  /** Original pixels per analysed pixel (≥ 1): multiply analysed lengths by it to get original ones. */
  scale: number
}

export type ImageLimits = { maxBytes: number; maxPixels: number }

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp'])
/** Large photos are fitted into this square before analysis: the detector works at 256 px anyway. */
export const ANALYSIS_SIDE = 1600
const SHARPNESS_SIDE = 128

/** Checks the declared size from the header, then decodes (EXIF-rotated, sRGB, no alpha). */
export const readImage = async (image: Uint8Array, limits: ImageLimits): Promise<RgbImage> => {
  if (image.byteLength > limits.maxBytes)
    throw FACE.IMAGE_TOO_LARGE(undefined, { bytes: image.byteLength, maxBytes: limits.maxBytes })
  const meta = await headerOf(image)
  if (!meta?.format || !ACCEPTED_FORMATS.has(meta.format) || !meta.width || !meta.height)
    throw FACE.IMAGE_INVALID(undefined, { format: meta?.format ?? null })
  const declared = meta.width * meta.height
  if (declared > limits.maxPixels)
    throw FACE.IMAGE_TOO_LARGE(undefined, {
      width: meta.width,
      height: meta.height,
      maxPixels: limits.maxPixels,
    })
  return decode(image, limits.maxPixels, meta.autoOrient?.width ?? meta.width)
}

// Reads the header only; sharp throws synchronously on some inputs (an empty buffer), hence the async wrapper.
const headerOf = async (image: Uint8Array) => {
  try {
    return await sharp(image, { limitInputPixels: false }).metadata()
  } catch {
    return null
  }
}

const decode = async (image: Uint8Array, maxPixels: number, originalWidth: number): Promise<RgbImage> => {
  // failOn 'warning' refuses truncated files instead of returning grey rows.
  const { data, info } = await sharp(image, { limitInputPixels: maxPixels, failOn: 'warning' })
    .autoOrient()
    .resize(ANALYSIS_SIDE, ANALYSIS_SIDE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((err: unknown) => {
      throw FACE.IMAGE_INVALID(undefined, { reason: err instanceof Error ? err.message : String(err) })
    })
  return {
    pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
    scale: originalWidth / info.width,
  }
}

/**
 * Focus measure of a face: variance of the 4-neighbour Laplacian over the face crop resized to 128×128 grey.
 * Resizing first makes the number comparable between large and small faces.
 */
export const faceSharpness = async (image: RgbImage, box: FaceBox): Promise<number> => {
  const left = clamp(Math.floor(box[0]), 0, image.width - 1)
  const top = clamp(Math.floor(box[1]), 0, image.height - 1)
  const width = clamp(Math.ceil(box[2]), 1, image.width - left)
  const height = clamp(Math.ceil(box[3]), 1, image.height - top)
  const grey = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({ left, top, width, height })
    .greyscale()
    .resize(SHARPNESS_SIDE, SHARPNESS_SIDE, { fit: 'fill' })
    .raw()
    .toBuffer()
  return laplacianVariance(grey, SHARPNESS_SIDE, SHARPNESS_SIDE)
}

export const laplacianVariance = (grey: Uint8Array, width: number, height: number): number => {
  let sum = 0
  let sumSquares = 0
  let n = 0
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x
      const at = (k: number) => grey[k] ?? 0
      const lap = at(i - 1) + at(i + 1) + at(i - width) + at(i + width) - 4 * at(i)
      sum += lap
      sumSquares += lap * lap
      n++
    }
  }
  if (n === 0) return 0
  const mean = sum / n
  return sumSquares / n - mean * mean
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))
