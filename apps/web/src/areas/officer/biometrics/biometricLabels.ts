import type { TFunction } from 'i18next'
import type { BiometricUse } from '../../../api'
import { vi } from '../../../i18n/vi'
import { isKeyOf } from '../labels'

// Uses, decisions and codes are open strings in the review: translate the known ones, show others as-is.
type CodeKey = keyof typeof vi.officer.biometrics.codes
type MeasuredKey = keyof typeof vi.officer.biometrics.measured
type DecisionKey = keyof typeof vi.officer.biometrics.decision

export const BIOMETRIC_USES: readonly BiometricUse[] = ['counter_capture', 'app_selfie', 'payment']

export const useLabel = (use: string, t: TFunction): string =>
  isKeyOf(vi.officer.biometrics.uses, use) ? t(`officer.biometrics.uses.${use as BiometricUse}.label`) : use

export const decisionLabel = (decision: string, t: TFunction): string =>
  isKeyOf(vi.officer.biometrics.decision, decision)
    ? t(`officer.biometrics.decision.${decision as DecisionKey}`)
    : decision

/** The error's name without its namespace: 'biometrics.FACE_TURNED' → 'FACE_TURNED'. */
const codeName = (code: string): string | null =>
  code.startsWith('biometrics.') ? code.slice('biometrics.'.length) : null

const codeKey = (code: string): CodeKey | null => {
  const name = codeName(code)
  if (name === null) return null
  if (isKeyOf(vi.officer.biometrics.codes, name)) return name as CodeKey
  if (name.startsWith('FINGERPRINT_')) return 'FINGERPRINT'
  if (name.startsWith('FACE_ENGINE_')) return 'FACE_ENGINE'
  return null
}

/** What a counter officer should do about a biometrics code, or null for a code this UI does not know. */
export const explainCode = (code: string, t: TFunction): string | null => {
  const key = codeKey(code)
  return key ? t(`officer.biometrics.codes.${key}`) : null
}

/** Whether the code is about the photo itself (the citizen can fix it by a new capture). */
export const isImageCode = (code: string): boolean => {
  const name = codeName(code) ?? ''
  return name.startsWith('IMAGE_') || (name.startsWith('FACE_') && !name.startsWith('FACE_ENGINE_'))
}

// Every value a `measured` sentence may name (the details of the quality refusals).
const MEASURES = [
  'faces',
  'faceSize',
  'minFaceSize',
  'sharpness',
  'minSharpness',
  'yaw',
  'pitch',
  'roll',
  'eyeOpenness',
  'minEyeOpenness',
  'antispoof',
  'liveness',
] as const
type Measure = (typeof MEASURES)[number]

/** The measured values a quality refusal carries, as a sentence (null when it carries none). */
export const measuredLine = (
  code: string,
  details: Record<string, unknown> | undefined,
  t: TFunction,
  formatNumber: (n: number) => string,
): string | null => {
  const name = codeName(code)
  if (!details || name === null || !isKeyOf(vi.officer.biometrics.measured, name)) return null
  const value = (key: string): string => {
    const v = details[key]
    return typeof v === 'number' ? formatNumber(v) : v === null || v === undefined ? '—' : String(v)
  }
  const values = Object.fromEntries(MEASURES.map((key) => [key, value(key)])) as Record<Measure, string>
  return t(`officer.biometrics.measured.${name as MeasuredKey}`, values)
}

export const decisionExplanation = (decision: string, t: TFunction): string | null =>
  isKeyOf(vi.officer.biometrics.decisionExplained, decision)
    ? t(`officer.biometrics.decisionExplained.${decision as DecisionKey}`)
    : null
