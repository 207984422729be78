import { Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert, explainAccountError, useRuleFailureTexts } from '../accountErrors'
import {
  type Activated,
  type ActivationStart,
  type SecurityAnswer,
  useFinishActivation,
} from '../accountsApi'
import { allHold, PASSCODE_RULES, PASSWORD_RULES, passcodeRules, passwordRules } from '../credentialRules'
import { RuleHints } from './RuleHints'
import { type QuestionErrors, SecurityQuestionFields } from './SecurityQuestionFields'

type Errors = {
  code?: string
  password?: string
  confirm?: string
  passcode?: string
  questions?: QuestionErrors
}

const EMPTY_QUESTIONS: SecurityAnswer[] = [
  { questionId: '', answer: '' },
  { questionId: '', answer: '' },
]

// Which field a server rule failure belongs to, by its policy code.
const fieldOfRule = (code: string) =>
  code.startsWith('policy.PASSWORD_')
    ? 'password'
    : code.startsWith('policy.PASSCODE_')
      ? 'passcode'
      : 'questions'

/** Activation step 2: the SMS code, the new password, the passcode and two security questions. */
export const FinishStep = ({ start, onDone }: { start: ActivationStart; onDone: (a: Activated) => void }) => {
  const { t } = useTranslation()
  const finish = useFinishActivation()
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [passcode, setPasscode] = useState('')
  const [questions, setQuestions] = useState<SecurityAnswer[]>(EMPTY_QUESTIONS)
  const [errors, setErrors] = useState<Errors>({})
  const [codeSpent, setCodeSpent] = useState(false)
  const refs = {
    code: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
    passcode: useRef<HTMLInputElement>(null),
  }

  const pwRules = passwordRules(password, start)
  const pcRules = passcodeRules(passcode)

  // The server's rule messages go under the field they are about.
  const failures = useRuleFailureTexts(finish.error)
  const serverText = (field: string) =>
    failures
      .filter((f) => fieldOfRule(f.code) === field)
      .map((f) => f.text)
      .join(' ') || undefined
  const codeError = finish.error?.code.startsWith('authn.OTP_')
    ? explainAccountError(finish.error, t)
    : undefined

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const question: (string | undefined)[] = questions.map((q) =>
      q.questionId ? undefined : t('citizen.activate.questionRequired'),
    )
    if (questions[0]?.questionId && questions[0].questionId === questions[1]?.questionId)
      question[1] = t('citizen.activate.questionRepeated')
    const answer = questions.map((q) => (q.answer.trim() ? undefined : t('citizen.activate.answerRequired')))
    const next: Errors = {
      ...(/^\d{6}$/.test(code) ? {} : { code: t('citizen.activate.codeInvalid') }),
      ...(allHold(pwRules) ? {} : { password: t('citizen.activate.passwordInvalid') }),
      ...(confirm === password ? {} : { confirm: t('citizen.activate.confirmMismatch') }),
      ...(allHold(pcRules) ? {} : { passcode: t('citizen.activate.passcodeInvalid') }),
      ...([...question, ...answer].some(Boolean) ? { questions: { question, answer } } : {}),
    }
    setErrors(next)
    const first = (['code', 'password', 'confirm', 'passcode'] as const).find((f) => next[f])
    if (first) return refs[first].current?.focus()
    if (next.questions) return
    finish.mutate(
      { ...start, code, password, passcode, securityQuestions: questions },
      {
        onSuccess: onDone,
        onError: (e) => {
          // A rule checked only after the code (the passcode against the birth date) spends the code.
          const spent =
            e.code === 'accounts.CREDENTIALS_REJECTED' &&
            (e.details?.failures as { code?: string }[] | undefined)?.some(
              (f) => f.code === 'policy.PASSCODE_BIRTH_DATE',
            )
          if (spent || e.code === 'authn.OTP_EXPIRED' || e.code === 'authn.OTP_TOO_MANY_ATTEMPTS') {
            setCode('')
            setCodeSpent(Boolean(spent))
          }
          if (e.code.startsWith('authn.OTP_')) refs.code.current?.focus()
        },
      },
    )
  }

  const clear = (field: keyof Errors) => {
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="activate-step-title">
      <Stack gap="md">
        {finish.error && <AccountErrorAlert error={finish.error} />}
        <TextInput
          ref={refs.code}
          label={t('citizen.activate.code')}
          description={
            codeSpent ? t('citizen.activate.newCodeNeeded') : t('citizen.activate.codeDescription')
          }
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))
            setCodeSpent(false)
            clear('code')
          }}
          error={errors.code ?? codeError}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          size="lg"
          styles={{ input: { letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' } }}
          required
        />
        <PasswordInput
          ref={refs.password}
          label={t('citizen.activate.password')}
          description={
            <RuleHints
              title={t('citizen.activate.passwordRulesTitle')}
              rules={PASSWORD_RULES.map((r) => ({
                key: r,
                label: t(`citizen.activate.passwordRules.${r}`),
                met: pwRules[r],
              }))}
            />
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value)
            clear('password')
          }}
          error={errors.password ?? serverText('password')}
          autoComplete="new-password"
          maxLength={40}
          size="md"
          required
        />
        <PasswordInput
          ref={refs.confirm}
          label={t('citizen.activate.confirmPassword')}
          value={confirm}
          onChange={(e) => {
            setConfirm(e.currentTarget.value)
            clear('confirm')
          }}
          error={errors.confirm}
          autoComplete="new-password"
          maxLength={40}
          size="md"
          required
        />
        <PasswordInput
          ref={refs.passcode}
          label={t('citizen.activate.passcode')}
          description={
            <>
              <span style={{ display: 'block' }}>{t('citizen.activate.passcodeDescription')}</span>
              <RuleHints
                title={t('citizen.activate.passwordRulesTitle')}
                rules={PASSCODE_RULES.map((r) => ({
                  key: r,
                  label: t(`citizen.activate.passcodeRules.${r}`),
                  met: pcRules[r],
                }))}
              />
            </>
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={passcode}
          onChange={(e) => {
            setPasscode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))
            clear('passcode')
          }}
          error={errors.passcode ?? serverText('passcode')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          size="md"
          required
        />
        <SecurityQuestionFields
          value={questions}
          onChange={(next) => {
            setQuestions(next)
            clear('questions')
          }}
          errors={{ ...errors.questions, server: serverText('questions') }}
        />
        <Button type="submit" size="lg" fullWidth loading={finish.isPending}>
          {t('citizen.activate.submit')}
        </Button>
      </Stack>
    </form>
  )
}
