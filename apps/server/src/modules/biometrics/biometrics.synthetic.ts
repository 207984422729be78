import { createHash } from 'node:crypto'

// A deterministic stream of uniform numbers from a string seed: sfc32 seeded with the seed's SHA-256.
const uniforms = (seed: string) => {
  const h = createHash('sha256').update(seed).digest()
  let a = h.readUInt32LE(0)
  let b = h.readUInt32LE(4)
  let c = h.readUInt32LE(8)
  let d = h.readUInt32LE(12)
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return (t + 0.5) / 4294967296
  }
}

/**
 * A synthetic face template: a random unit vector, deterministic from the seed. Random directions in
 * 1,024 dimensions are nearly orthogonal (cosine about ±0.03), as different people's embeddings are far
 * apart; they fill the 1:N gallery realistically but never match a real face.
 */
export const syntheticFaceEmbedding = (seed: string, dim: number): Float32Array => {
  const next = uniforms(seed)
  const v = new Float32Array(dim)
  let norm = 0
  for (let i = 0; i < dim; i += 2) {
    // Box-Muller: two normal values from two uniform ones.
    const r = Math.sqrt(-2 * Math.log(next()))
    const t = 2 * Math.PI * next()
    v[i] = r * Math.cos(t)
    if (i + 1 < dim) v[i + 1] = r * Math.sin(t)
    norm += (v[i] ?? 0) ** 2 + (v[i + 1] ?? 0) ** 2
  }
  const s = 1 / Math.sqrt(norm)
  for (let i = 0; i < dim; i++) v[i] = (v[i] ?? 0) * s
  return v
}
