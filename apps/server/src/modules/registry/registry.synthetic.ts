import type { LocalDate } from '@dinhdanh/vn-id'
import type { ForeignerRecord } from './foreigner.repository.js'
import { createRng, type Rng, sample } from './registry.prng.js'
import type { RegistryRecord } from './registry.record.js'
import { AGE_BANDS, PROVINCE_POPULATION } from './registry.synthetic.data.js'
import {
  createNumbering,
  type Numbering,
  syntheticAddress,
  syntheticForeigner,
  syntheticPerson,
} from './registry.synthetic.people.js'

export type SyntheticOptions = {
  count: number
  seed: string
  /** The day the population is "as of": ages, card status and deaths are computed for it. */
  asOf: LocalDate
  batchSize?: number
  /** Foreign residents per citizen (default 1 in 500). */
  foreignerRatio?: number
  /** Numbers already taken (the demo people): the generator never hands them out. */
  reserved?: Iterable<string>
}
export type SyntheticBatch = { citizens: RegistryRecord[]; foreigners: ForeignerRecord[] }

const ageFromPyramid = (rng: Rng, minAge: number): number => {
  for (;;) {
    const band = sample(rng, AGE_BANDS)
    const age = band + rng.int(band === 80 ? 20 : 5)
    if (age >= minAge) return age
  }
}

/**
 * One household: a head whose age follows the population pyramid, then (by age) a spouse, children born
 * when the mother was 20-38, and sometimes an unmarried adult child. Children name both parents.
 */
const household = (rng: Rng, ids: Numbering, asOf: LocalDate): RegistryRecord[] => {
  const thisYear = Number(asOf.slice(0, 4))
  const province = sample(rng, PROVINCE_POPULATION)
  const address = syntheticAddress(rng, province)
  const headAge = ageFromPyramid(rng, 20)
  const headGender = rng.chance(0.8) ? 'male' : 'female'
  const bornIn = () => (rng.chance(0.75) ? province : sample(rng, PROVINCE_POPULATION))
  const head = syntheticPerson(
    rng,
    ids,
    {
      gender: headGender,
      year: thisYear - headAge,
      province: bornIn(),
      householdProvince: province,
      address,
    },
    asOf,
  )
  head.householdId = `HK${head.personalId}`
  head.householdRelation = 'head'
  const members = [head]
  const married = rng.chance(headAge < 28 ? 0.45 : headAge < 60 ? 0.9 : 0.65)
  if (!married) return members
  const spouseAge = Math.max(18, headAge + (headGender === 'male' ? -rng.int(6) : rng.int(6)))
  const spouse = syntheticPerson(
    rng,
    ids,
    {
      gender: headGender === 'male' ? 'female' : 'male',
      year: thisYear - spouseAge,
      province: bornIn(),
      householdProvince: province,
      address,
    },
    asOf,
  )
  spouse.householdId = head.householdId
  spouse.householdRelation = 'spouse'
  head.spouseId = spouse.personalId
  spouse.spouseId = head.personalId
  members.push(spouse)
  const [father, mother] = head.gender === 'male' ? [head, spouse] : [spouse, head]
  const motherAge = headGender === 'male' ? spouseAge : headAge
  const surname = father.fullName.split(' ')[0]
  const children = motherAge < 22 ? 0 : headAge >= 55 ? (rng.chance(0.25) ? 1 : 0) : rng.int(4)
  for (let i = 0; i < children; i++) {
    const childAge = motherAge - 20 - rng.int(Math.min(19, motherAge - 19))
    const child = syntheticPerson(
      rng,
      ids,
      {
        gender: rng.chance(0.51) ? 'male' : 'female',
        year: thisYear - childAge,
        province,
        householdProvince: province,
        address,
        ...(surname ? { surname } : {}),
      },
      asOf,
    )
    child.fatherId = father.personalId
    child.motherId = mother.personalId
    child.householdId = head.householdId
    child.householdRelation = 'child'
    members.push(child)
  }
  return members
}

/**
 * A deterministic synthetic population, yielded in batches so a million people never sit in memory at
 * once. The same seed and asOf give the same people, numbers and families.
 */
export function* generatePopulation(opts: SyntheticOptions): Generator<SyntheticBatch> {
  const rng = createRng(opts.seed)
  const ids = createNumbering(opts.seed, new Set(opts.reserved ?? []))
  const batchSize = opts.batchSize ?? 10_000
  const ratio = opts.foreignerRatio ?? 0.002
  let citizens: RegistryRecord[] = []
  let foreigners: ForeignerRecord[] = []
  let made = 0
  let foreignMade = 0
  while (made < opts.count) {
    const members = household(rng, ids, opts.asOf).slice(0, opts.count - made)
    // A household cut short at the end must not point at a spouse who was never emitted.
    const kept = new Set(members.map((m) => m.personalId))
    for (const m of members) if (m.spouseId !== null && !kept.has(m.spouseId)) m.spouseId = null
    citizens.push(...members)
    made += members.length
    while (foreignMade < Math.floor(made * ratio)) {
      foreigners.push(syntheticForeigner(rng, ids, opts.asOf))
      foreignMade++
    }
    if (citizens.length >= batchSize) {
      yield { citizens, foreigners }
      citizens = []
      foreigners = []
    }
  }
  if (citizens.length || foreigners.length) yield { citizens, foreigners }
}
