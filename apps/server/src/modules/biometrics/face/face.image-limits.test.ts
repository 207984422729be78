import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { readImage } from './face.image.js'
import { DEFAULT_FACE_QUALITY_POLICY as policy } from './face.quality.js'
import { PORTRAIT } from './face.samples.js'

// Hostile or broken uploads are refused in the main thread before any pixel reaches a worker.
const codeOf = (image: Uint8Array, limits = policy) =>
  readImage(image, limits).then(
    () => 'decoded',
    (err: { code?: string }) => err.code,
  )

/** A real JPEG whose frame header declares 30000 × 30000 pixels (900 megapixels). */
const hugeDeclaredJpeg = async () => {
  const jpeg = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer(),
  )
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
  jpeg.writeUInt16BE(30_000, sof + 5)
  jpeg.writeUInt16BE(30_000, sof + 7)
  return jpeg
}

describe('image limits', () => {
  test('bytes that are not an image are IMAGE_INVALID', async () => {
    expect(await codeOf(Buffer.from('%PDF-1.7 not a photo'))).toBe('biometrics.IMAGE_INVALID')
    expect(await codeOf(new Uint8Array(0))).toBe('biometrics.IMAGE_INVALID')
  })

  test('a truncated JPEG is IMAGE_INVALID', async () => {
    const jpeg = await readFile(PORTRAIT.file)
    expect(await codeOf(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe('biometrics.IMAGE_INVALID')
  })

  test('an SVG (or any format outside JPEG, PNG, WebP) is IMAGE_INVALID', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    expect(await codeOf(svg)).toBe('biometrics.IMAGE_INVALID')
  })

  test('a file over the byte limit is IMAGE_TOO_LARGE without being read', async () => {
    expect(await codeOf(new Uint8Array(policy.maxBytes + 1))).toBe('biometrics.IMAGE_TOO_LARGE')
  })

  test('a header declaring more pixels than allowed is IMAGE_TOO_LARGE before decoding', async () => {
    expect(await codeOf(await hugeDeclaredJpeg())).toBe('biometrics.IMAGE_TOO_LARGE')
  })

  test('a large photo is fitted for analysis and its scale kept', async () => {
    const image = await readImage(await readFile(PORTRAIT.file), policy)
    expect(Math.max(image.width, image.height)).toBe(1600)
    expect(image.scale).toBeCloseTo(1.2, 2)
    expect(image.pixels.length).toBe(image.width * image.height * 3)
  })
})
