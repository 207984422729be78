import { type Algorithm, hash, verify } from '@node-rs/argon2'

// Algorithm.Argon2id: the package declares a const enum, which isolated modules (tsx, vitest) cannot inline.
const ARGON2ID = 2 as Algorithm

/**
 * Argon2id with OWASP's first recommended setting: 19 MiB, 2 passes, 1 lane. @node-rs/argon2's async
 * functions run in libuv's threadpool, so a verification (~25 ms) never blocks the event loop.
 */
export const ARGON2_PARAMS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const

/** The PHC string's algorithm, version and parameters, e.g. `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`. */
export type PhcParams = { algorithm: string; version: number; m: number; t: number; p: number }

const PHC = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/

export const parsePhc = (phc: string): PhcParams | null => {
  const m = PHC.exec(phc)
  if (!m) return null
  const [, algorithm = '', v, mem, t, p] = m
  return { algorithm, version: Number(v), m: Number(mem), t: Number(t), p: Number(p) }
}

/** Hashes a password, passcode or (normalised) security answer; the salt is random, 16 bytes. */
export const hashSecret = (secret: string): Promise<string> => hash(secret, ARGON2_PARAMS)

/** False for a wrong secret and for a hash that is not a valid Argon2 PHC string. */
export const verifySecret = async (phc: string, secret: string): Promise<boolean> => {
  if (!parsePhc(phc)) return false
  try {
    return await verify(phc, secret)
  } catch {
    return false
  }
}

/** True when the hash was made with other parameters (or another variant): rehash after a successful login. */
export const needsRehash = (phc: string): boolean => {
  const p = parsePhc(phc)
  if (!p) return true
  return (
    p.algorithm !== 'argon2id' ||
    p.version !== 19 ||
    p.m !== ARGON2_PARAMS.memoryCost ||
    p.t !== ARGON2_PARAMS.timeCost ||
    p.p !== ARGON2_PARAMS.parallelism
  )
}

// A fixed hash of a random, forgotten secret with the current parameters: verifying against it costs what a
// real verification costs. A test checks that it follows ARGON2_PARAMS.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$P6ODUYidqmPfLAWTeqxdxw$ySFJh5ojeWd+BK8ahtRG7O/lNu7Dvvw42GcgVvr6K3A'

/**
 * For an account that does not exist: as slow as a real verification and always false, so the response
 * time does not tell whether the account exists.
 */
export const verifyUnknown = async (secret = ''): Promise<false> => {
  await verifySecret(DUMMY_HASH, secret)
  return false
}

/**
 * Security answers are compared after normalisation: Unicode NFC (a precomposed and a decomposed "ệ" are
 * the same letter), case-folded, trimmed, inner whitespace collapsed. Diacritics are kept: stripping
 * them would merge distinct Vietnamese words and shrink the answer space.
 */
export const normaliseAnswer = (answer: string): string =>
  answer.normalize('NFC').toLowerCase().normalize('NFC').trim().replace(/\s+/gu, ' ')

export const hashAnswer = (answer: string): Promise<string> => hashSecret(normaliseAnswer(answer))

export const verifyAnswer = (phc: string, answer: string): Promise<boolean> =>
  verifySecret(phc, normaliseAnswer(answer))
