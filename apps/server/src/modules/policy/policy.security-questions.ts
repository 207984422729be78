import { type RuleFailure, ruleFailure } from './policy.messages.js'
import type { Bilingual } from './policy.types.js'

/** The questions offered at activation; the holder picks two (DOMAIN §2.3: "2 security questions"). */
export const SECURITY_QUESTIONS = [
  {
    id: 'first_primary_school',
    vi: 'Trường tiểu học đầu tiên bạn học tên là gì?',
    en: 'What was the name of your first primary school?',
  },
  {
    id: 'childhood_nickname',
    vi: 'Tên gọi ở nhà thời nhỏ của bạn là gì?',
    en: 'What was your childhood nickname at home?',
  },
  {
    id: 'first_pet',
    vi: 'Con vật nuôi đầu tiên của bạn tên là gì?',
    en: 'What was the name of your first pet?',
  },
  {
    id: 'mother_home_town',
    vi: 'Quê ngoại của bạn ở đâu?',
    en: "What is your mother's home town?",
  },
  {
    id: 'favourite_teacher',
    vi: 'Thầy/cô giáo bạn quý nhất tên là gì?',
    en: 'What is the name of your favourite teacher?',
  },
  {
    id: 'best_childhood_friend',
    vi: 'Bạn thân nhất thời thơ ấu của bạn tên là gì?',
    en: 'What is the name of your best childhood friend?',
  },
  { id: 'favourite_dish', vi: 'Món ăn bạn thích nhất là gì?', en: 'What is your favourite dish?' },
  {
    id: 'first_workplace',
    vi: 'Nơi làm việc đầu tiên của bạn tên là gì?',
    en: 'What was the name of your first workplace?',
  },
] as const satisfies readonly ({ id: string } & Bilingual)[]

export type SecurityQuestionId = (typeof SECURITY_QUESTIONS)[number]['id']
export type SecurityAnswer = { questionId: string; answer: string }

export const SECURITY_QUESTION_COUNT = 2
/** Long enough for any real answer; keeps a hashed field bounded. */
export const SECURITY_ANSWER_MAX_LENGTH = 100

const KNOWN = new Set<string>(SECURITY_QUESTIONS.map((q) => q.id))

export const isSecurityQuestionId = (id: string): id is SecurityQuestionId => KNOWN.has(id)

/** Which rules the chosen questions and answers break: exactly two distinct catalogue questions, each answered. */
export const checkSecurityQuestions = (answers: readonly SecurityAnswer[]): RuleFailure[] => {
  const out: RuleFailure[] = []
  if (answers.length !== SECURITY_QUESTION_COUNT) out.push(ruleFailure('policy.SECURITY_QUESTION_COUNT'))
  if (answers.some((a) => !KNOWN.has(a.questionId))) {
    out.push(ruleFailure('policy.SECURITY_QUESTION_UNKNOWN'))
  }
  if (new Set(answers.map((a) => a.questionId)).size !== answers.length) {
    out.push(ruleFailure('policy.SECURITY_QUESTION_REPEATED'))
  }
  const trimmed = answers.map((a) => a.answer.normalize('NFC').trim())
  if (trimmed.some((a) => a.length === 0)) out.push(ruleFailure('policy.SECURITY_ANSWER_EMPTY'))
  if (trimmed.some((a) => [...a].length > SECURITY_ANSWER_MAX_LENGTH)) {
    out.push(ruleFailure('policy.SECURITY_ANSWER_TOO_LONG'))
  }
  return out
}
