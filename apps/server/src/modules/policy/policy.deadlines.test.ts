import { addDays, isWorkingDay, type LocalDate, workingDaysBetween } from '@dinhdanh/vn-id'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  authorityLockDeadlines,
  DOSSIER_CASES,
  dossierDueDate,
  processingPeriod,
  relyingPartyAppraisalDueDate,
} from './policy.deadlines.js'
import { POLICY_PROFILES } from './policy.types.js'

const D69 = 'decree-69-2024'
const D59 = 'decree-59-2022'

describe('processing deadlines (DOMAIN §2.4)', () => {
  test('a citizen level-1 dossier complete on Friday is due on Monday: the weekend does not count (D69 Art 13(1)(a))', () => {
    expect(dossierDueDate(D69, 'citizen_level1', '2026-03-13')).toBe('2026-03-16')
  })

  test('the citizen figures: level 1 one working day, level 2 three, with card issuance seven (D69 Art 13(1)-(2))', () => {
    expect(dossierDueDate(D69, 'citizen_level2', '2026-03-13')).toBe('2026-03-18')
    expect(dossierDueDate(D69, 'citizen_with_card_issuance', '2026-03-13')).toBe('2026-03-24')
  })

  test('Tết 2027 (5–9 Feb, compensatory 10–11 Feb) is skipped: a dossier of Thursday 4 Feb is due on 12 Feb', () => {
    expect(dossierDueDate(D69, 'citizen_level1', '2027-02-04')).toBe('2027-02-12')
    expect(dossierDueDate(D69, 'citizen_level2', '2027-02-04')).toBe('2027-02-16')
    expect(dossierDueDate(D69, 'citizen_with_card_issuance', '2027-02-04')).toBe('2027-02-22')
  })

  test('National Day is skipped: 2 Sep 2027 (Thu) and 3 Sep; 1–2 Sep 2026 (Tue–Wed)', () => {
    expect(dossierDueDate(D69, 'foreigner_level1', '2027-09-01')).toBe('2027-09-06')
    expect(dossierDueDate(D69, 'citizen_level1', '2026-08-31')).toBe('2026-09-03')
  })

  test('foreigner level 2: three working days with biometrics already in the immigration DB, seven without (D69 Art 13(3))', () => {
    expect(dossierDueDate(D69, 'foreigner_level2_biometrics_on_file', '2026-03-13')).toBe('2026-03-18')
    expect(dossierDueDate(D69, 'foreigner_level2_without_biometrics', '2026-03-13')).toBe('2026-03-24')
  })

  test('an organisation found in the databases: three working days under Decree 69, one under Decree 59', () => {
    expect(dossierDueDate(D69, 'organisation_found_in_databases', '2026-03-13')).toBe('2026-03-18')
    expect(dossierDueDate(D59, 'organisation_found_in_databases', '2026-03-13')).toBe('2026-03-16')
  })

  test('an organisation checked by hand: 15 calendar days under Decree 69, moved past Tết when they end in it (Civil Code Art 148)', () => {
    expect(processingPeriod(D69, 'organisation_manual_verification')).toMatchObject({
      count: 15,
      unit: 'days',
    })
    expect(dossierDueDate(D69, 'organisation_manual_verification', '2026-03-02')).toBe('2026-03-17')
    expect(dossierDueDate(D69, 'organisation_manual_verification', '2027-01-21')).toBe('2027-02-12')
    expect(dossierDueDate(D59, 'organisation_manual_verification', '2026-03-02')).toBe('2026-03-23')
  })

  test('the citizen and foreigner figures are the same under both regimes (D59 Art 17; D69 Art 13)', () => {
    const individual = DOSSIER_CASES.filter((c) => !c.startsWith('organisation'))
    for (const c of individual) expect(processingPeriod(D59, c).count).toBe(processingPeriod(D69, c).count)
  })

  test('the year’s official calendar can add a day off or a make-up Saturday', () => {
    expect(dossierDueDate(D69, 'citizen_level1', '2026-03-13')).toBe('2026-03-16')
    const calendar = { extraWorkingDays: ['2026-03-14'] }
    expect(dossierDueDate(D69, 'citizen_level1', '2026-03-13', calendar)).toBe('2026-03-14')
    expect(dossierDueDate(D69, 'citizen_level1', '2026-03-13', { extraDaysOff: ['2026-03-16'] })).toBe(
      '2026-03-17',
    )
  })
})

describe('lock requests and relying parties', () => {
  test('an authority lock request is forwarded within 1 working day and decided within 2 more (D69 Art 29-30)', () => {
    expect(authorityLockDeadlines(D69, '2026-03-13')).toEqual({
      forwardBy: '2026-03-16',
      decideBy: '2026-03-18',
    })
    expect(authorityLockDeadlines(D69, '2026-03-13', '2026-03-13')).toEqual({
      forwardBy: '2026-03-16',
      decideBy: '2026-03-17',
    })
  })

  test('under Decree 59 the receiving police head decides within 2 working days, nothing is forwarded (D59 Art 19)', () => {
    expect(authorityLockDeadlines(D59, '2026-03-13')).toEqual({ forwardBy: null, decideBy: '2026-03-17' })
  })

  test('a relying party is appraised within 30 days of the agreement; a deadline on 2 Sep moves to the next working day (D69 Art 18)', () => {
    expect(relyingPartyAppraisalDueDate(D69, '2026-03-02')).toBe('2026-04-01')
    expect(relyingPartyAppraisalDueDate(D69, '2026-08-03')).toBe('2026-09-03')
  })
})

// Dates from 2020 to 2035, covering several Tết and National Day placements.
const localDate = fc.integer({ min: 0, max: 16 * 366 }).map((n): LocalDate => addDays('2020-01-01', n))

describe('properties of every deadline', () => {
  test('a due date is always a working day, after the received date', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICY_PROFILES),
        fc.constantFrom(...DOSSIER_CASES),
        localDate,
        (p, c, d) => {
          const due = dossierDueDate(p, c, d)
          expect(isWorkingDay(due)).toBe(true)
          expect(due > d).toBe(true)
        },
      ),
    )
  })

  test('a working-day deadline leaves exactly the stated number of working days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICY_PROFILES),
        fc.constantFrom(...DOSSIER_CASES),
        localDate,
        (p, c, d) => {
          const period = processingPeriod(p, c)
          fc.pre(period.unit === 'working_days')
          expect(workingDaysBetween(d, dossierDueDate(p, c, d))).toBe(period.count)
        },
      ),
    )
  })

  test('a calendar-day deadline is never earlier than the stated number of days, and at most one holiday run later', () => {
    fc.assert(
      fc.property(localDate, (d) => {
        const due = dossierDueDate(D69, 'organisation_manual_verification', d)
        expect(due >= addDays(d, 15)).toBe(true)
        expect(workingDaysBetween(addDays(d, 15), due)).toBeLessThanOrEqual(1)
      }),
    )
  })

  test('a later received date never gives an earlier due date', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOSSIER_CASES),
        localDate,
        fc.integer({ min: 1, max: 30 }),
        (c, d, gap) => {
          expect(dossierDueDate(D69, c, addDays(d, gap)) >= dossierDueDate(D69, c, d)).toBe(true)
        },
      ),
    )
  })
})
