import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import type { Clock } from '../../platform/clock.js'
import { demoForeigners, demoPeople } from '../registry/index.js'
import type { Passport } from './phone-ownership.port.js'
import { countSubscriptions, insertSubscriptions } from './telecom.repository.js'
import type { NewSubscriberRow } from './telecom.table.js'

type Holder = { personalId: string } | { foreignerId: string; passport: Passport } | { passport: Passport }

/**
 * The sandbox carrier's fixed subscriptions: every demo person's own numbers (docs/accounts.md lists them)
 * and numbers deliberately in someone else's name. Lê Gia Bảo (under 14) and the deceased Hoàng Văn Đức
 * have none.
 */
export const demoSubscriptions: ReadonlyArray<{ phone: string; holder: Holder; note: string }> = [
  { phone: '+84395001234', holder: { personalId: '079095001234' }, note: 'Nguyễn Văn An' },
  { phone: '+84909001234', holder: { personalId: '079095001234' }, note: 'Nguyễn Văn An, second SIM' },
  { phone: '+84390012345', holder: { personalId: '001190012345' }, note: 'Trần Thị Bình' },
  { phone: '+84912345678', holder: { personalId: '001190012345' }, note: 'Trần Thị Bình, second SIM' },
  { phone: '+84987654321', holder: { personalId: '001190012345' }, note: 'Trần Thị Bình, third SIM' },
  { phone: '+84912000345', holder: { personalId: '001190012345' }, note: 'Trần Thị Bình, fourth SIM' },
  { phone: '+84398004321', holder: { personalId: '001088004321' }, note: 'Lê Minh Cường' },
  { phone: '+84395000777', holder: { personalId: '036155000777' }, note: 'Phạm Thị Dung' },
  {
    phone: '+84700000001',
    holder: { foreignerId: 'NN0000000001', passport: { nationality: 'KR', number: 'M12345678' } },
    note: 'Kim Min Jun',
  },
  // Mismatches to try: the family SIM is in the head of household's name, the visitor's in a stranger's.
  { phone: '+84911111111', holder: { personalId: '001088004321' }, note: 'family SIM in Cường’s name' },
  {
    phone: '+84888888888',
    holder: { passport: { nationality: 'CN', number: 'E00000001' } },
    note: 'a tourist SIM, in a passport the registry does not know',
  },
]

const rowOf = (phone: string, holder: Holder, registeredOn: string): NewSubscriberRow => ({
  phone,
  personal_id: 'personalId' in holder ? holder.personalId : null,
  foreigner_id: 'foreignerId' in holder ? holder.foreignerId : null,
  passport_nationality: 'passport' in holder ? holder.passport.nationality : null,
  passport_number: 'passport' in holder ? holder.passport.number : null,
  registered_on: registeredOn,
})

// A synthetic person's own number: 039 (citizens) or 070 (foreigners) and the last 7 digits of their ID.
export const syntheticPhoneOf = (id: string) => `+84${id.startsWith('NN') ? '70' : '39'}${id.slice(-7)}`

/** Walks the registry page by page (the registry module's functions; this module never reads its tables). */
export type RegistryPages = {
  personIdsAfter: (after: string, limit: number) => Promise<string[]>
  foreignersAfter: (
    after: string,
    limit: number,
  ) => Promise<Array<{ foreignerId: string; passport: Passport }>>
}

/**
 * First start: the fixed subscriptions, then (given the registry) one own-name subscription for every
 * other person and foreigner, numbered by `syntheticPhoneOf` (a number already taken is skipped). Does
 * nothing once the carrier has subscriptions.
 */
export const seedDemoSubscriptions = async (
  deps: { db: Db; clock: Clock },
  registry?: RegistryPages,
): Promise<{ fixed: number; synthetic: number } | null> => {
  if ((await countSubscriptions(deps.db)) > 0) return null
  const today = vietnamDateOf(deps.clock.now())
  const fixed = await insertSubscriptions(
    deps.db,
    demoSubscriptions.map((s) => rowOf(s.phone, s.holder, today)),
  )
  let synthetic = 0
  if (!registry) return { fixed, synthetic }
  // The demo people have exactly the fixed subscriptions above.
  const demo = new Set([
    ...demoPeople.map((p) => p.record.personalId),
    ...demoForeigners.map((f) => f.record.foreignerId),
  ])
  for (let after = ''; ; ) {
    const ids = await registry.personIdsAfter(after, 2_000)
    if (ids.length === 0) break
    after = ids.at(-1) as string
    const rows = ids
      .filter((id) => !demo.has(id))
      .map((id) => rowOf(syntheticPhoneOf(id), { personalId: id }, today))
    synthetic += await insertSubscriptions(deps.db, rows)
  }
  for (let after = ''; ; ) {
    const page = await registry.foreignersAfter(after, 2_000)
    if (page.length === 0) break
    after = page.at(-1)?.foreignerId as string
    const rows = page
      .filter((f) => !demo.has(f.foreignerId))
      .map((f) => rowOf(syntheticPhoneOf(f.foreignerId), f, today))
    synthetic += await insertSubscriptions(deps.db, rows)
  }
  return { fixed, synthetic }
}
