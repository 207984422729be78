import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import { afterAll, beforeAll } from 'vitest'
import { createFaceEngine, type FaceEngine } from './face.engine.js'
import { cropFace, PORTRAIT } from './face.samples.js'

/** One engine per test file (one worker thread: the machine has two cores and vitest runs two files). */
export const useFaceEngine = () => {
  const holder: { engine: FaceEngine } = { engine: undefined as unknown as FaceEngine }
  beforeAll(async () => {
    holder.engine = createFaceEngine({ threads: 1 })
    await holder.engine.warmUp()
  })
  afterAll(() => holder.engine?.close())
  return () => holder.engine
}

export const portrait = () => cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)

export const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (err: { code?: string; message?: string }) => err.code ?? err.message,
  )

export const readSample = (file: string) => readFile(file)

/** The portrait shrunk so the face is about `faceSide` pixels, on a grey canvas. */
export const tinyFace = async (faceSide: number) => {
  const image = await portrait()
  const width = Math.round(((await sharp(image).metadata()).width * faceSide) / PORTRAIT.box[2])
  const small = await sharp(image).resize(width).toBuffer()
  return sharp({ create: { width: width * 3, height: width * 3, channels: 3, background: '#7f7f7f' } })
    .composite([{ input: small, left: width, top: width }])
    .jpeg()
    .toBuffer()
}
