import { NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../../i18n'
import type { SecurityAnswer } from '../accountsApi'
import { SECURITY_ANSWER_MAX_LENGTH, SECURITY_QUESTIONS } from '../securityQuestions'

export type QuestionErrors = {
  question?: (string | undefined)[]
  answer?: (string | undefined)[]
  server?: string
}

type Props = {
  value: SecurityAnswer[]
  onChange: (value: SecurityAnswer[]) => void
  errors: QuestionErrors
}

/** Two questions from the catalogue (a question chosen in one list is not offered in the other) and their answers. */
export const SecurityQuestionFields = ({ value, onChange, errors }: Props) => {
  const { t } = useTranslation()
  const lang = currentLanguage()
  const set = (i: number, patch: Partial<SecurityAnswer>) =>
    onChange(value.map((qa, j) => (j === i ? { ...qa, ...patch } : qa)))

  return (
    <Stack gap="md" component="fieldset" p={0} m={0} style={{ border: 0 }} aria-describedby="questions-intro">
      <Title order={3} size="h4" component="legend" p={0}>
        {t('citizen.activate.questionsTitle')}
      </Title>
      <Text size="sm" c="dimmed" id="questions-intro">
        {t('citizen.activate.questionsIntro')}
      </Text>
      {value.map((qa, i) => {
        const n = i + 1
        const taken = new Set(value.filter((_, j) => j !== i).map((o) => o.questionId))
        return (
          <Stack key={n} gap="xs">
            <NativeSelect
              label={t('citizen.activate.question', { n })}
              value={qa.questionId}
              onChange={(e) => set(i, { questionId: e.currentTarget.value })}
              data={[
                { value: '', label: t('citizen.activate.questionPlaceholder'), disabled: true },
                ...SECURITY_QUESTIONS.map((q) => ({
                  value: q.id,
                  label: lang === 'en' ? q.en : q.vi,
                  disabled: taken.has(q.id),
                })),
              ]}
              error={errors.question?.[i] ?? (i === 1 ? errors.server : undefined)}
              size="md"
              required
            />
            <TextInput
              label={t('citizen.activate.answer', { n })}
              value={qa.answer}
              onChange={(e) => set(i, { answer: e.currentTarget.value })}
              error={errors.answer?.[i]}
              maxLength={SECURITY_ANSWER_MAX_LENGTH}
              autoComplete="off"
              size="md"
              required
            />
          </Stack>
        )
      })}
    </Stack>
  )
}
