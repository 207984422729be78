import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { REFERENCE_PORTRAIT_POLICY } from './face.quality.js'
import { GROUP_PHOTOS, NO_FACE_PHOTO } from './face.samples.js'
import { codeOf, portrait, tinyFace, useFaceEngine } from './face.test-support.js'

// Real photographs through the real models: each unusable capture is refused with the code the UI explains.
const engine = useFaceEngine()
const policy = REFERENCE_PORTRAIT_POLICY

describe('capture quality on real images', () => {
  test('a clear frontal portrait gives a 1024-value template and its measures', async () => {
    const { template, quality } = await engine().extract(await portrait(), policy)
    expect(template.embedding).toHaveLength(1024)
    expect(quality.faceSize).toBeGreaterThan(300)
    expect(quality.sharpness).toBeGreaterThan(policy.minSharpness)
    expect(Math.abs(quality.yaw)).toBeLessThan(20)
    expect(quality.eyeOpenness).toBeGreaterThan(0.2)
  })

  test('a live-capture check reports anti-spoofing and liveness scores', async () => {
    const { liveness } = await engine().extract(await portrait())
    expect(liveness.antispoof).toBeGreaterThan(0)
    expect(liveness.liveness).toBeGreaterThan(0)
  })

  test('a plain generated image is FACE_NOT_FOUND', async () => {
    const plain = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d0c0b0' } })
      .jpeg()
      .toBuffer()
    expect(await codeOf(engine().extract(plain, policy))).toBe('biometrics.FACE_NOT_FOUND')
  })

  test('a diagram with no face is FACE_NOT_FOUND', async () => {
    expect(await codeOf(engine().extract(await readFile(NO_FACE_PHOTO), policy))).toBe(
      'biometrics.FACE_NOT_FOUND',
    )
  })

  test('a group photo is FACE_MULTIPLE', async () => {
    const group = await readFile(GROUP_PHOTOS[0]?.file ?? '')
    expect(await codeOf(engine().extract(group, policy))).toBe('biometrics.FACE_MULTIPLE')
  })

  test('a face of about 70 pixels is FACE_TOO_SMALL', async () => {
    expect(await codeOf(engine().extract(await tinyFace(70), policy))).toBe('biometrics.FACE_TOO_SMALL')
  })

  test('a heavily blurred copy is FACE_BLURRED', async () => {
    const blurred = await sharp(await portrait())
      .blur(6)
      .jpeg()
      .toBuffer()
    expect(await codeOf(engine().extract(blurred, policy))).toBe('biometrics.FACE_BLURRED')
  })

  test('a portrait lying on its side is FACE_TURNED', async () => {
    const sideways = await sharp(await portrait())
      .rotate(90)
      .jpeg()
      .toBuffer()
    expect(await codeOf(engine().extract(sideways, policy))).toBe('biometrics.FACE_TURNED')
  })
})
