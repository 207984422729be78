import { describe, expect, test } from 'vitest'
import { checkSecurityQuestions, SECURITY_QUESTIONS } from './policy.security-questions.js'

const codes = (failures: { code: string }[]) => failures.map((f) => f.code)
const a = (questionId: string, answer = 'Trường Kim Liên') => ({ questionId, answer })

describe('security questions (two, chosen from the catalogue)', () => {
  test('two different catalogue questions with answers pass', () => {
    expect(checkSecurityQuestions([a('first_primary_school'), a('first_pet', 'Mực')])).toEqual([])
  })

  test('one or three questions are refused: exactly two', () => {
    expect(codes(checkSecurityQuestions([a('first_pet')]))).toEqual(['policy.SECURITY_QUESTION_COUNT'])
    expect(
      codes(checkSecurityQuestions([a('first_pet'), a('favourite_dish'), a('first_workplace')])),
    ).toEqual(['policy.SECURITY_QUESTION_COUNT'])
  })

  test('the same question twice is refused', () => {
    expect(codes(checkSecurityQuestions([a('first_pet'), a('first_pet', 'Vàng')]))).toEqual([
      'policy.SECURITY_QUESTION_REPEATED',
    ])
  })

  test('a question outside the catalogue is refused', () => {
    expect(codes(checkSecurityQuestions([a('first_pet'), a('mothers_maiden_name')]))).toEqual([
      'policy.SECURITY_QUESTION_UNKNOWN',
    ])
  })

  test('a blank or over-long answer is refused', () => {
    expect(codes(checkSecurityQuestions([a('first_pet', '   '), a('favourite_dish')]))).toEqual([
      'policy.SECURITY_ANSWER_EMPTY',
    ])
    expect(codes(checkSecurityQuestions([a('first_pet', 'x'.repeat(101)), a('favourite_dish')]))).toEqual([
      'policy.SECURITY_ANSWER_TOO_LONG',
    ])
  })

  test('every catalogue question has a unique id and Vietnamese and English text', () => {
    expect(new Set(SECURITY_QUESTIONS.map((q) => q.id)).size).toBe(SECURITY_QUESTIONS.length)
    for (const q of SECURITY_QUESTIONS) {
      expect(q.vi).toMatch(/\?$/)
      expect(q.en).toMatch(/\?$/)
    }
  })
})
