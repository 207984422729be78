import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { demoPeople } from './registry.demo.js'
import { dobMatches, matchDeclared, matchForeigner } from './registry.match.js'
import { seedDemoRegistry } from './registry.seed.js'
import { AS_OF, NOW } from './registry.test-support.js'
import { writeRecords } from './registry.writer.js'

let h: TestDb
beforeAll(async () => {
  h = await openTestDb()
  await seedDemoRegistry(h, { asOf: AS_OF, now: NOW, population: 0 })
})
afterAll(() => h.close())

const an = {
  personalId: '079095001234',
  fullName: 'nguyen van an',
  dateOfBirth: '1995-03-15',
  gender: 'male' as const,
}

describe('matching declared data against the registry', () => {
  test('declared data that agrees matches, accents or not', async () => {
    const m = await matchDeclared(h.db, { ...an, cardNumber: '079095001234', cardIssuedOn: '2021-05-20' })
    expect(m.kind).toBe('match')
    if (m.kind === 'match') expect(m.person.fullName).toBe('Nguyễn Văn An')
  })

  test('a mismatch names every field that disagrees', async () => {
    const m = await matchDeclared(h.db, {
      ...an,
      fullName: 'Nguyễn Văn Anh',
      dateOfBirth: '1995-03-16',
      gender: 'female',
      cardIssuedOn: '2021-05-21',
    })
    expect(m).toEqual({ kind: 'mismatch', fields: ['fullName', 'dateOfBirth', 'gender', 'cardIssuedOn'] })
  })

  test('an unknown number is unknown, not a mismatch', async () => {
    expect(await matchDeclared(h.db, { ...an, personalId: '079095999999' })).toEqual({ kind: 'unknown' })
  })

  test('a deceased person never matches', async () => {
    const m = await matchDeclared(h.db, {
      personalId: '038045000321',
      fullName: 'Hoàng Văn Đức',
      dateOfBirth: '1945-02-01',
    })
    expect(m).toEqual({ kind: 'mismatch', fields: ['cardStatus', 'status'] })
  })

  test('a cancelled number used as the current one is a personalId mismatch', async () => {
    const base = demoPeople[0]?.record
    if (!base) throw new Error('demo')
    await writeRecords(
      h,
      [
        {
          line: 1,
          record: { ...base, personalId: '079095005678', oldCmnd: null, cancelledIds: ['079095005555'] },
        },
      ],
      NOW,
    )
    expect(await matchDeclared(h.db, { personalId: '079095005555' })).toEqual({
      kind: 'mismatch',
      fields: ['personalId'],
    })
  })

  test('a record that knows only the year accepts any full date in that year', async () => {
    expect((await matchDeclared(h.db, { personalId: '036155000777', dateOfBirth: '1955-07-01' })).kind).toBe(
      'match',
    )
    expect((await matchDeclared(h.db, { personalId: '036155000777', dateOfBirth: '1956-07-01' })).kind).toBe(
      'mismatch',
    )
  })

  test('partial-date rules: the record’s precision governs, a vaguer declaration does not prove a full date', () => {
    expect(dobMatches('1995-03-15', '1995')).toBe(true)
    expect(dobMatches('1995-03-15', '1995-03')).toBe(true)
    expect(dobMatches('1995-04-15', '1995-03')).toBe(false)
    expect(dobMatches('1995', '1995-03-15')).toBe(false)
    expect(dobMatches('1995', '1995')).toBe(true)
    expect(dobMatches('not a date', '1995')).toBe(false)
  })
})

describe('matching a foreigner', () => {
  test('passport and residence card found and valid: match', async () => {
    const m = await matchForeigner(
      h.db,
      { passportNumber: 'M12345678', nationality: 'KR', fullName: 'KIM MIN JUN', dateOfBirth: '1985-07-07' },
      AS_OF,
    )
    expect(m.kind).toBe('match')
  })

  test('another residence card number is a mismatch; the number is compared ignoring case', async () => {
    const kim = { passportNumber: 'M12345678', nationality: 'KR' }
    expect(await matchForeigner(h.db, { ...kim, residenceCardNumber: 'TT0000000002' }, AS_OF)).toEqual({
      kind: 'mismatch',
      fields: ['residenceCardNumber'],
    })
    expect((await matchForeigner(h.db, { ...kim, residenceCardNumber: 'tt0000000001' }, AS_OF)).kind).toBe(
      'match',
    )
  })

  test('an expired residence card is a mismatch, an unknown passport unknown', async () => {
    const later = await matchForeigner(
      h.db,
      { foreignerId: 'NN0000000001', passportNumber: 'M12345678', nationality: 'KR' },
      '2028-01-01',
    )
    expect(later).toEqual({ kind: 'mismatch', fields: ['residenceCard'] })
    expect(await matchForeigner(h.db, { passportNumber: 'X0000000', nationality: 'KR' }, AS_OF)).toEqual({
      kind: 'unknown',
    })
  })
})
