import { randomUUID } from 'node:crypto'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { hashSecret } from '../authn/index.js'
import { findPersonRecord } from '../registry/index.js'
import { findAccountBySubject } from './account.repository.js'

/**
 * The demo citizen (DEMO_SEED only, documented in README.md): Lê Minh Cường of the demo registry, with a
 * level-2 account already active, so a tour can log in to the citizen app and through the demo relying
 * parties at once. His phone is his own-name number at the sandbox carrier (docs/accounts.md).
 */
export const DEMO_CITIZEN = {
  personalId: '001088004321',
  fullName: 'Lê Minh Cường',
  phone: '+84398004321',
  password: 'CongDan@Demo2026',
  passcode: '385926',
} as const

/**
 * Creates the demo citizen's account unless one exists (a tour may have registered him already): level 2
 * as if proofed at a counter before this platform kept dossiers (imported), with his e-ID card. Returns
 * whether it made one.
 */
export const seedDemoCitizen = async (deps: Pick<Deps, 'db' | 'clock'>): Promise<boolean> => {
  const d = DEMO_CITIZEN
  if (await findAccountBySubject(deps.db, d.personalId)) return false
  const person = await findPersonRecord(deps.db, d.personalId)
  if (!person) return false
  const card = person.cards.find((c) => c.status === 'valid')
  const [passwordHash, passcodeHash] = await Promise.all([hashSecret(d.password), hashSecret(d.passcode)])
  const now = deps.clock.now()
  const id = randomUUID()
  return deps.db.transaction().execute(async (trx) => {
    // Another instance starting at the same moment may have made it first: then nothing is written.
    const made = await trx
      .insertInto('accounts_account')
      .values({
        id,
        subject_id: d.personalId,
        subject_kind: 'citizen',
        level: 2,
        status: 'active',
        phone: d.phone,
        email: null,
        password_hash: passwordHash,
        passcode_hash: passcodeHash,
        security_qa: null,
        created_via: 'counter',
        dossier_id: null,
        created_at: now,
        approved_at: now,
        activated_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('subject_id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!made) return false
    await trx
      .insertInto('accounts_eid_card')
      .values({
        id: randomUUID(),
        account_id: id,
        number: `CCDT-${d.personalId}-${vietnamDateOf(now).replaceAll('-', '')}`,
        issued_on: vietnamDateOf(now),
        valid_until: card?.expires_on ?? null,
        status: 'active',
        dossier_id: null,
        created_at: now,
      })
      .execute()
    await recordAudit(trx, deps.clock, {
      actor: 'demo-seed',
      actorKind: 'system',
      action: 'accounts.account.created',
      subject: d.personalId,
      subjectKind: 'citizen',
      purpose: 'eid-registration',
      data: { accountId: id, level: 2, demo: true },
    })
    return true
  })
}
