import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import sharp from 'sharp'
import type { FaceEngine } from './face.engine.js'

// Real photographs shipped inside installed npm packages, for tests, the benchmark and demo portraits.
const require = createRequire(import.meta.url)
const humanAssets = path.join(path.dirname(require.resolve('@vladmandic/human')), '..', 'assets')
const faceApiDemo = path.dirname(require.resolve('@vladmandic/face-api/demo/sample1.jpg'))

export type SamplePhoto = {
  file: string
  /** Who is on it: one label a face, left to right as the engine finds them is not guaranteed. */
  note: string
}

/** Group photos of three to six different people each (@vladmandic/face-api, MIT). */
export const GROUP_PHOTOS: readonly SamplePhoto[] = [1, 2, 3, 4, 5, 6].map((n) => ({
  file: path.join(faceApiDemo, `sample${n}.jpg`),
  note: `face-api demo group photo ${n}`,
}))

/**
 * Three photos presumed of one man (human's author, in its screenshots, years apart): the only genuine
 * pairs across different photos. Box: his face in the file's pixels; margin: room around it for the crop.
 */
export const SAME_PERSON_PHOTOS = [
  { file: path.join(humanAssets, 'screenshot-faceid.jpg'), box: [15, 139, 134, 134], margin: 0.45 },
  { file: path.join(humanAssets, 'screenshot-facedetect.jpg'), box: [15, 350, 133, 133], margin: 0.12 },
  { file: path.join(humanAssets, 'screenshot-facematch.jpg'), box: [0, 0, 228, 276], margin: 0 },
] as const

/** One clear, frontal face (about 360 px) cut from group photo 6: the portrait the tests start from. */
export const PORTRAIT = {
  file: path.join(faceApiDemo, 'sample6.jpg'),
  box: [176, 457, 360, 359],
  margin: 0.3,
} as const

/** Five face tiles (one man, four women) in a screenshot (@vladmandic/human). */
export const TILE_STRIP = path.join(humanAssets, 'screenshot-facedetect.jpg')

/** A photo with no face: human's face-mesh diagram. */
export const NO_FACE_PHOTO = path.join(humanAssets, 'facemesh.png')

export type FaceCrop = {
  /** Same label, same person; faces of one group photo are different people. */
  person: string
  source: string
  image: Buffer
}

/** Cuts a face out of a photo with a margin around the box, as a JPEG a person could have taken. */
export const cropFace = async (file: string, box: readonly number[], margin = 0.45): Promise<Buffer> => {
  const meta = await sharp(file).metadata()
  const [x = 0, y = 0, w = 0, h = 0] = box
  const left = Math.max(0, Math.round(x - w * margin))
  const top = Math.max(0, Math.round(y - h * margin))
  const width = Math.min(meta.width - left, Math.round(w * (1 + 2 * margin)))
  const height = Math.min(meta.height - top, Math.round(h * (1 + 2 * margin)))
  return sharp(file).extract({ left, top, width, height }).jpeg({ quality: 92 }).toBuffer()
}

/** One portrait crop for every face of the group photos and the tile strip, labelled by person. */
export const groupFaceCrops = async (engine: FaceEngine): Promise<FaceCrop[]> => {
  const crops: FaceCrop[] = []
  const sources = [
    ...GROUP_PHOTOS.map((p) => ({ file: p.file, margin: 0.25 })),
    { file: TILE_STRIP, margin: 0.12 },
  ]
  for (const { file, margin } of sources) {
    const faces = await engine.locate(await readFile(file))
    for (const [i, face] of faces.entries()) {
      const image = await cropFace(file, face.box, margin)
      crops.push({ person: `${path.basename(file)}#${i}`, source: file, image })
    }
  }
  return crops
}

/** The same photo as a different capture would give it: smaller, recompressed, brighter, mirrored, tilted. */
export const recaptures = async (image: Buffer): Promise<{ how: string; image: Buffer }[]> => {
  const meta = await sharp(image).metadata()
  return [
    {
      how: 'half size',
      image: await sharp(image)
        .resize(Math.round(meta.width / 2))
        .jpeg()
        .toBuffer(),
    },
    { how: 'jpeg quality 30', image: await sharp(image).jpeg({ quality: 30 }).toBuffer() },
    { how: 'brighter', image: await sharp(image).modulate({ brightness: 1.3 }).jpeg().toBuffer() },
    { how: 'mirrored', image: await sharp(image).flop().jpeg().toBuffer() },
    { how: 'tilted 10°', image: await sharp(image).rotate(10, { background: '#808080' }).jpeg().toBuffer() },
  ]
}
