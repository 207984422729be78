// A copy of the server's catalogue (apps/server/src/modules/policy/policy.security-questions.ts):
// the server checks the ids, the texts are shown here in the reader's language.
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
  { id: 'mother_home_town', vi: 'Quê ngoại của bạn ở đâu?', en: "What is your mother's home town?" },
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
] as const

export type SecurityQuestionId = (typeof SECURITY_QUESTIONS)[number]['id']
/** Long enough for any real answer (the server's limit). */
export const SECURITY_ANSWER_MAX_LENGTH = 100
