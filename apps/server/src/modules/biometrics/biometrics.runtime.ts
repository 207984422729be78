import type { Logger } from 'pino'
import type { Db } from '../../database.js'
import { type Config, ConfigError } from '../../platform/config.js'
import { createDataSealer, type DataSealer } from '../../platform/keys/index.js'
import { createFaceGallery, type FaceGallery } from './biometrics.gallery.js'
import {
  applyPolicyOverride,
  type BiometricPolicy,
  defaultBiometricPolicy,
  PolicyOverride,
} from './biometrics.policy.js'
import type { BiometricMatcher } from './biometrics.port.js'
import { faceTemplatesAfter } from './biometrics.repository.js'
import { createBuiltinMatcher, FACE_DIM } from './builtin.matcher.js'
import { FACE_MATCH_THRESHOLD, MODEL_VERSION, templateFromBytes } from './face/index.js'
import { FINGERPRINT_THRESHOLD } from './fingerprint/index.js'

/** What the biometric services share in one process: the engine, the policy, the sealers, the 1:N gallery. */
export type BiometricsRuntime = {
  readonly policy: BiometricPolicy
  /** The engine, started on first use (loading the face models takes seconds). */
  matcher(): BiometricMatcher
  /** Every enrolled face of the engine's model, loaded on first use and caught up before each use. */
  gallery(db: Db): Promise<FaceGallery>
  /** Seals templates; the row binding is `subject/modality/position/model`. */
  readonly templates: DataSealer
  /** Seals portraits and captured probe images. */
  readonly images: DataSealer
  close(): Promise<void>
}

export const templateAad = (subjectId: string, modality: string, position: number, modelVersion: string) =>
  `${subjectId}/${modality}/${position}/${modelVersion}`

export type RuntimeOptions = {
  config: Pick<Config, 'BIOMETRIC_POLICY' | 'FACE_THREADS'> & Partial<Pick<Config, 'FACE_TIMEOUT_MS'>>
  kek: Buffer
  log: Logger
  /** Another engine behind the port (tests of a certified engine, or a sandbox). */
  matcher?: BiometricMatcher
}

const policyFrom = (raw: unknown): BiometricPolicy => {
  const base = defaultBiometricPolicy(FACE_MATCH_THRESHOLD, FINGERPRINT_THRESHOLD)
  if (raw === undefined) return base
  const parsed = PolicyOverride.safeParse(raw)
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((i) => `BIOMETRIC_POLICY.${i.path.join('.')}: ${i.message}`),
    )
  return applyPolicyOverride(base, parsed.data)
}

const PAGE = 5_000
const OVERLAP_MS = 10_000

export const createBiometricsRuntime = (opts: RuntimeOptions): BiometricsRuntime => {
  const policy = policyFrom(opts.config.BIOMETRIC_POLICY)
  const templates = createDataSealer(opts.kek, 'biometric-template')
  const images = createDataSealer(opts.kek, 'biometric-image')
  let matcher = opts.matcher
  const threads = opts.config.FACE_THREADS || undefined
  const getMatcher = () => {
    matcher ??= createBuiltinMatcher({
      ...(threads ? { threads } : {}),
      ...(opts.config.FACE_TIMEOUT_MS ? { timeoutMs: opts.config.FACE_TIMEOUT_MS } : {}),
    })
    return matcher
  }
  const modelVersion = opts.matcher?.face.modelVersion ?? MODEL_VERSION
  const dim = opts.matcher?.face.dim ?? FACE_DIM
  let gallery: FaceGallery | undefined
  let watermark: { at: Date; subjectId: string } | null = null
  let catchingUp: Promise<FaceGallery> | undefined

  // Reads what was enrolled since the last look (by any instance), page by page.
  const catchUp = async (db: Db, g: FaceGallery) => {
    const started = Date.now()
    let loaded = 0
    const before = g.size()
    // Start a little before the last row seen: a transaction that committed late is not missed (put is idempotent).
    let after = watermark && { at: new Date(watermark.at.getTime() - OVERLAP_MS), subjectId: '' }
    for (;;) {
      const rows = await faceTemplatesAfter(db, modelVersion, after, PAGE)
      for (const r of rows) {
        const t = templateFromBytes(
          templates.open(r.template_enc, templateAad(r.subject_id, 'face', 0, modelVersion)),
        )
        g.put(r.subject_id, t.embedding)
      }
      loaded += rows.length
      const last = rows.at(-1)
      if (last) after = watermark = { at: new Date(last.created_at), subjectId: last.subject_id }
      if (rows.length < PAGE) break
    }
    if (g.size() - before > 1000)
      opts.log.info({ loaded, size: g.size(), ms: Date.now() - started }, 'face gallery loaded')
    return g
  }

  return {
    policy,
    matcher: getMatcher,
    gallery: (db) => {
      gallery ??= createFaceGallery(modelVersion, dim)
      const g = gallery
      // One catch-up at a time; concurrent searches share it.
      catchingUp ??= catchUp(db, g).finally(() => {
        catchingUp = undefined
      })
      return catchingUp
    },
    templates,
    images,
    close: async () => {
      await gallery?.close()
      await matcher?.close()
    },
  }
}
