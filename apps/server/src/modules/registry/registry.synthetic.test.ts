import { crossCheckPersonalId, parsePersonalId } from '@dinhdanh/vn-id'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { birthdayAt, cardExpiry, type PartialDate } from './registry.dates.js'
import type { RegistryRecord } from './registry.record.js'
import { CAN_CUOC_FROM } from './registry.row.js'
import { generatePopulation } from './registry.synthetic.js'

const AS_OF = '2026-11-23'
const people = (count: number, seed = 'test-seed'): RegistryRecord[] =>
  [...generatePopulation({ count, seed, asOf: AS_OF, batchSize: 500 })].flatMap((b) => b.citizens)

const population = people(3000)

describe('synthetic population', () => {
  test('the same seed gives the same people; another seed different ones', () => {
    expect(people(300)).toEqual(population.slice(0, 300))
    expect(people(300, 'other')[0]?.personalId).not.toBe(population[0]?.personalId)
    expect(population).toHaveLength(3000)
  })

  test('every ID number is valid, unique and agrees with birth year and gender', () => {
    const ids = new Set<string>()
    for (const p of population) {
      const parsed = parsePersonalId(p.personalId, { today: AS_OF })
      expect(parsed.ok).toBe(true)
      const check = crossCheckPersonalId(p.personalId, { birthYear: p.dob.year, gender: p.gender })
      expect(check).toEqual({ ok: true, value: [] })
      if (parsed.ok) expect(p.placeOfBirth).toContain(parsed.value.province?.nameVi)
      ids.add(p.personalId)
      for (const c of p.cancelledIds) ids.add(c)
    }
    expect(ids.size).toBe(population.length + population.reduce((n, p) => n + p.cancelledIds.length, 0))
  })

  test('cards expire at the renewal ages and carry the kind of their issue date', () => {
    for (const p of population) {
      if (!p.card) continue
      expect(p.card.expiresOn).toBe(cardExpiry(p.dob, p.card.issuedOn))
      expect(p.card.kind).toBe(p.card.issuedOn >= CAN_CUOC_FROM ? 'CAN_CUOC_2024' : 'CCCD_CHIP')
      if (p.card.status === 'valid') expect(p.card.expiresOn === null || p.card.expiresOn > AS_OF).toBe(true)
    }
    const adults = population.filter((p) => p.dob.year <= 2010 && p.status === 'alive')
    expect(adults.filter((p) => p.card).length / adults.length).toBeGreaterThan(0.95)
  })

  test('families: parents exist, are recorded as spouses, and children carry the father’s surname', () => {
    const byId = new Map(population.map((p) => [p.personalId, p]))
    const children = population.filter((p) => p.fatherId)
    expect(children.length).toBeGreaterThan(300)
    for (const c of children) {
      const father = byId.get(c.fatherId ?? '')
      const mother = byId.get(c.motherId ?? '')
      expect(father?.spouseId).toBe(mother?.personalId)
      expect(c.fullName.split(' ')[0]).toBe(father?.fullName.split(' ')[0])
      expect(mother && mother.dob.year < c.dob.year - 15).toBe(true)
    }
  })

  test('shares look like Vietnam: Nguyễn near 38 %, about 1 % deceased, old CMND for older people', () => {
    const share = (f: (p: RegistryRecord) => boolean) => population.filter(f).length / population.length
    expect(share((p) => p.fullName.startsWith('Nguyễn '))).toBeGreaterThan(0.32)
    expect(share((p) => p.fullName.startsWith('Nguyễn '))).toBeLessThan(0.44)
    expect(share((p) => p.status === 'deceased')).toBeGreaterThan(0.003)
    expect(share((p) => p.status === 'deceased')).toBeLessThan(0.03)
    expect(population.filter((p) => p.oldCmnd).every((p) => p.dob.year < 2002)).toBe(true)
  })
})

describe('card expiry (Law on Identification 2023, Art 21)', () => {
  const dob: PartialDate = { year: 1995, month: 3, day: 15 }
  test.each([
    ['2021-05-20', '2035-03-15'], // issued at 26: until 40
    ['2018-01-01', '2020-03-15'], // issued at 22: until 25
    ['2019-06-01', '2035-03-15'], // within 2 years before 25: until 40
    ['2053-06-01', null], // within 2 years before 60: for life
    ['2056-01-01', null], // after 60: for life
  ])('issued %s expires %s', (issued, expected) => {
    expect(cardExpiry(dob, issued)).toBe(expected)
  })

  test('property: the expiry is a renewal birthday after the issue date, or none after 58', () => {
    const arb = fc.record({
      year: fc.integer({ min: 1930, max: 2024 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      age: fc.integer({ min: 0, max: 90 }),
      offset: fc.integer({ min: 0, max: 364 }),
    })
    fc.assert(
      fc.property(arb, ({ year, month, day, age, offset }) => {
        const d = { year, month, day }
        const issued = new Date(Date.UTC(year + age, month - 1, day + offset)).toISOString().slice(0, 10)
        const expiry = cardExpiry(d, issued)
        if (expiry === null) return issued >= birthdayAt(d, 58)
        return expiry > issued && [14, 25, 40, 60].some((a) => birthdayAt(d, a) === expiry)
      }),
    )
  })
})
