import { describe, expect, test } from 'vitest'
import { eligibility, type PersonSubject } from './policy.eligibility.js'

const TODAY = '2026-06-15'
const citizen = (dateOfBirth: string, extra: Partial<PersonSubject> = {}): PersonSubject => ({
  kind: 'citizen',
  dateOfBirth,
  hasValidCard: true,
  alive: true,
  ...extra,
})
const foreigner = (dateOfBirth: string, extra: Partial<PersonSubject> = {}): PersonSubject => ({
  ...citizen(dateOfBirth, extra),
  kind: 'foreigner',
})

describe('eligibility under Decree 69 (decree-69-2024)', () => {
  const d69 = (s: PersonSubject, level: 1 | 2) => eligibility('decree-69-2024', s, level, TODAY)

  test('a citizen of 14 or more with a valid card gets level 1 and level 2 and registers themself (D69 Art 7(1))', () => {
    expect(d69(citizen('1990-01-01'), 1)).toEqual({
      kind: 'eligible',
      level: 1,
      registrant: 'self',
      source: 'D69 Art 7(1)',
    })
    expect(d69(citizen('1990-01-01'), 2)).toMatchObject({ kind: 'eligible', level: 2, registrant: 'self' })
  })

  test('a 10-year-old with an ID card may get level 1 but level 2 only on request (D69 Art 7(1))', () => {
    expect(d69(citizen('2016-03-01'), 1)).toMatchObject({ kind: 'eligible', registrant: 'representative' })
    expect(d69(citizen('2016-03-01'), 2)).toMatchObject({ kind: 'on_request', registrant: 'representative' })
  })

  test('a child under 6 with an ID card gets level 1 on request through the representative, never level 2 (D69 Art 7(1))', () => {
    expect(d69(citizen('2022-01-01'), 1)).toEqual({
      kind: 'on_request',
      level: 1,
      registrant: 'representative',
      source: 'D69 Art 7(1)',
    })
    expect(d69(citizen('2022-01-01'), 2)).toMatchObject({
      kind: 'not_eligible',
      reason: 'level_2_not_available_under_6',
    })
  })

  test('on the 14th birthday level 2 is by right and the holder registers themself; the day before it is on request', () => {
    expect(d69(citizen('2012-06-15'), 2)).toMatchObject({ kind: 'eligible', registrant: 'self' })
    expect(d69(citizen('2012-06-16'), 2)).toMatchObject({ kind: 'on_request', registrant: 'representative' })
  })

  test('on the 6th birthday level 1 is by right; the day before it is on request', () => {
    expect(d69(citizen('2020-06-15'), 1)).toMatchObject({ kind: 'eligible' })
    expect(d69(citizen('2020-06-16'), 1)).toMatchObject({ kind: 'on_request' })
  })

  test('a year-only birth date counts the person as born on 31 December (never older than they may be)', () => {
    // Born "2012": 14 only from 31 Dec 2026, so in June 2026 still a child.
    expect(d69(citizen('2012'), 2)).toMatchObject({ kind: 'on_request', registrant: 'representative' })
    expect(eligibility('decree-69-2024', citizen('2012'), 2, '2026-12-31')).toMatchObject({
      kind: 'eligible',
    })
    expect(d69(citizen('2020-06'), 1)).toMatchObject({ kind: 'on_request' })
    expect(eligibility('decree-69-2024', citizen('2020-06'), 1, '2026-06-30')).toMatchObject({
      kind: 'eligible',
    })
  })

  test('a ward of 14 or more is eligible but registered by the representative (D69 Art 10)', () => {
    expect(d69(citizen('1980-01-01', { isWard: true }), 1)).toMatchObject({
      kind: 'eligible',
      registrant: 'representative',
    })
  })

  test('a citizen without a valid card is not eligible and is told to apply together with the card (D69 Art 13(2))', () => {
    expect(d69(citizen('1990-01-01', { hasValidCard: false }), 1)).toEqual({
      kind: 'not_eligible',
      reason: 'no_valid_card',
      source: 'D69 Art 7(1), 13(2)',
      remedy: 'apply_with_card_issuance',
    })
  })

  test('a foreigner of 6 or more with a residence card gets level 1, level 2 only on request, at any age (D69 Art 7(2))', () => {
    expect(d69(foreigner('1985-01-01'), 1)).toMatchObject({
      kind: 'eligible',
      registrant: 'self',
      source: 'D69 Art 7(2)',
    })
    expect(d69(foreigner('1985-01-01'), 2)).toMatchObject({ kind: 'on_request', registrant: 'self' })
    expect(d69(foreigner('2016-01-01'), 1)).toMatchObject({ kind: 'eligible', registrant: 'representative' })
  })

  test('a foreigner under 6 gets level 1 on request and no level 2 (D69 Art 7(2))', () => {
    expect(d69(foreigner('2023-01-01'), 1)).toMatchObject({
      kind: 'on_request',
      registrant: 'representative',
    })
    expect(d69(foreigner('2023-01-01'), 2)).toMatchObject({
      kind: 'not_eligible',
      reason: 'level_2_not_available_under_6',
    })
  })

  test('a foreigner without a permanent or temporary residence card is not eligible (D69 Art 7(2))', () => {
    expect(
      d69(foreigner('1985-01-01', { hasValidCard: false, hasValidTravelDocument: true }), 1),
    ).toMatchObject({
      kind: 'not_eligible',
      reason: 'no_residence_card',
    })
  })

  test('an organisation registered in Vietnam has one account with no level (D69 Art 7(3))', () => {
    const org = { kind: 'organisation', registeredInVietnam: true } as const
    expect(eligibility('decree-69-2024', org, null, TODAY)).toEqual({
      kind: 'eligible',
      level: null,
      registrant: 'representative',
      source: 'D69 Art 7(3)',
    })
    expect(eligibility('decree-69-2024', { ...org, registeredInVietnam: false }, null, TODAY)).toMatchObject({
      reason: 'organisation_not_registered_in_vietnam',
    })
    expect(eligibility('decree-69-2024', { ...org, dissolved: true }, null, TODAY)).toMatchObject({
      reason: 'organisation_dissolved',
    })
  })
})

describe('eligibility under Decree 59 (decree-59-2022, the seeds’ regime)', () => {
  const d59 = (s: PersonSubject, level: 1 | 2) => eligibility('decree-59-2022', s, level, TODAY)

  test('a person of 14 or more with a chip CCCD registers themself for either level (D59 Art 11)', () => {
    expect(d59(citizen('1990-01-01'), 2)).toEqual({
      kind: 'eligible',
      level: 2,
      registrant: 'self',
      source: 'D59 Art 11(1); D34 Art 6',
    })
  })

  test('a child under 14 has no account of their own: recorded under the parent’s account (D34 Art 6; D59 Art 11)', () => {
    expect(d59(citizen('2016-03-01'), 1)).toEqual({
      kind: 'via_representative',
      account: 'representative_account',
      source: 'D59 Art 11(1); D34 Art 6',
    })
    expect(d59(citizen('2012-06-16'), 1)).toMatchObject({ kind: 'via_representative' })
    expect(d59(citizen('2012-06-15'), 1)).toMatchObject({ kind: 'eligible' })
  })

  test('a ward of any age is recorded under the guardian’s account (D59 Art 11)', () => {
    expect(d59(citizen('1970-01-01', { isWard: true }), 2)).toMatchObject({ kind: 'via_representative' })
  })

  test('a citizen of 14+ without a chip CCCD applies together with the card (D59 Art 14(2))', () => {
    expect(d59(citizen('1990-01-01', { hasValidCard: false }), 1)).toMatchObject({
      kind: 'not_eligible',
      reason: 'no_valid_card',
      remedy: 'apply_with_card_issuance',
    })
  })

  test('a foreigner of 14+ needs a valid travel document, not a residence card; under 14 goes under the parent (D59 Art 11(2))', () => {
    expect(
      d59(foreigner('1985-01-01', { hasValidCard: false, hasValidTravelDocument: true }), 2),
    ).toMatchObject({
      kind: 'eligible',
      registrant: 'self',
    })
    expect(d59(foreigner('1985-01-01', { hasValidCard: true }), 1)).toMatchObject({
      reason: 'no_valid_travel_document',
    })
    expect(d59(foreigner('2015-01-01'), 1)).toMatchObject({ kind: 'via_representative' })
  })

  test('an organisation account is a level-2 account (D59 Art 12)', () => {
    expect(
      eligibility('decree-59-2022', { kind: 'organisation', registeredInVietnam: true }, null, TODAY),
    ).toMatchObject({
      kind: 'eligible',
      level: 2,
    })
  })
})

describe('eligibility refusals common to both regimes', () => {
  for (const profile of ['decree-69-2024', 'decree-59-2022'] as const) {
    test(`a deceased person is not eligible (${profile})`, () => {
      expect(eligibility(profile, citizen('1990-01-01', { alive: false }), 1, TODAY)).toMatchObject({
        kind: 'not_eligible',
        reason: 'deceased',
      })
    })

    test(`an unreadable or future birth date is refused as a value, not an exception (${profile})`, () => {
      expect(eligibility(profile, citizen('1990-02-30'), 1, TODAY)).toMatchObject({
        reason: 'date_of_birth_invalid',
      })
      expect(eligibility(profile, citizen('2027-01-01'), 1, TODAY)).toMatchObject({ reason: 'not_yet_born' })
    })

    test(`a person must ask for a level (${profile})`, () => {
      expect(eligibility(profile, citizen('1990-01-01'), null, TODAY)).toMatchObject({
        reason: 'level_required',
      })
    })
  }
})
