import { fail } from '../../../platform/errors.js'
import { FACE } from './face.errors.js'
import { HUMAN_VERSION } from './face.models.js'
import type { FaceTemplate } from './face.types.js'

/** Names the model that makes the embeddings: templates of different versions are never compared. */
export const MODEL_VERSION = `human-${HUMAN_VERSION}/faceres`

/**
 * Similarity in [0, 1]: the cosine of the two embeddings, negative values as 0.
 * Refuses templates of another model, or of different lengths.
 */
export const compareTemplates = (a: FaceTemplate, b: FaceTemplate, modelVersion = MODEL_VERSION): number => {
  if (a.modelVersion !== modelVersion || b.modelVersion !== modelVersion)
    fail(FACE.TEMPLATE_MODEL_MISMATCH, undefined, {
      expected: modelVersion,
      got: [a.modelVersion, b.modelVersion],
    })
  if (a.embedding.length === 0 || a.embedding.length !== b.embedding.length)
    fail(FACE.TEMPLATE_INVALID, undefined, { lengths: [a.embedding.length, b.embedding.length] })
  let dot = 0
  let normA = 0
  let normB = 0
  for (let i = 0; i < a.embedding.length; i++) {
    const x = a.embedding[i] ?? 0
    const y = b.embedding[i] ?? 0
    dot += x * y
    normA += x * x
    normB += y * y
  }
  if (normA === 0 || normB === 0) return 0
  return Math.min(1, Math.max(0, dot / Math.sqrt(normA * normB)))
}

/** A template as bytes for storage: a UTF-8 model version, a NUL, then little-endian float32 values. */
export const templateToBytes = (t: FaceTemplate): Buffer => {
  const values = Buffer.alloc(t.embedding.length * 4)
  for (const [i, v] of t.embedding.entries()) values.writeFloatLE(v, i * 4)
  return Buffer.concat([Buffer.from(t.modelVersion, 'utf8'), Buffer.of(0), values])
}

export const templateFromBytes = (bytes: Uint8Array): FaceTemplate => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const nul = buf.indexOf(0)
  if (nul <= 0 || (buf.length - nul - 1) % 4 !== 0) return fail(FACE.TEMPLATE_INVALID)
  const embedding = new Float32Array((buf.length - nul - 1) / 4)
  for (let i = 0; i < embedding.length; i++) embedding[i] = buf.readFloatLE(nul + 1 + i * 4)
  return { modelVersion: buf.subarray(0, nul).toString('utf8'), embedding }
}
