import { sql, type Updateable } from 'kysely'
import type { Db } from '../../database.js'
import { clientChanged } from './clients.changes.js'
import { type ApplicationEvent, OPEN_STATES, statesAllowing } from './onboarding.flow.js'
import type { ApplicationState, NewApplicationRow, OidcApplicationTable } from './onboarding.table.js'

export const insertApplication = (db: Db, row: NewApplicationRow) =>
  db.insertInto('oidc_application').values(row).returningAll().executeTakeFirstOrThrow()

export const findApplication = (db: Db, id: string) =>
  db.selectFrom('oidc_application').selectAll().where('id', '=', id).executeTakeFirst()

// One UPDATE moves the application only from a state the event allows: two appraisers at once get one winner.
export const moveApplication = (
  db: Db,
  id: string,
  event: ApplicationEvent,
  to: ApplicationState,
  set: Updateable<OidcApplicationTable>,
  extra: { notRecordedBy?: string } = {},
) => {
  let q = db
    .updateTable('oidc_application')
    .set({ ...set, state: to })
    .where('id', '=', id)
    .where('state', 'in', statesAllowing(event))
  if (extra.notRecordedBy) q = q.where('agreement_recorded_by', '<>', extra.notRecordedBy)
  return q.returningAll().executeTakeFirst()
}

/** The applicant's applications, newest first, with the status of the client each approval made. */
export const applicationsOf = (db: Db, accountId: string) =>
  db
    .selectFrom('oidc_application as a')
    .leftJoin('oidc_client as c', 'c.client_id', 'a.client_id')
    .selectAll('a')
    .select(['c.status as client_status', 'c.allow_dependents as client_allow_dependents'])
    .where('a.applicant_account_id', '=', accountId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute()

export const applicationWithClient = (db: Db, id: string) =>
  db
    .selectFrom('oidc_application as a')
    .leftJoin('oidc_client as c', 'c.client_id', 'a.client_id')
    .selectAll('a')
    .select(['c.status as client_status', 'c.allow_dependents as client_allow_dependents'])
    .where('a.id', '=', id)
    .executeTakeFirst()

export const countSandboxClients = async (db: Db, accountId: string) =>
  (
    await db
      .selectFrom('oidc_application')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('applicant_account_id', '=', accountId)
      .where('kind', '=', 'sandbox')
      .executeTakeFirstOrThrow()
  ).n

export type QueueFilter = { state: 'open' | 'decided'; page: number; pageSize: number }

/** The appraisers' list: open applications earliest due first, or decided ones newest first. */
export const applicationQueue = async (db: Db, f: QueueFilter) => {
  let q = db
    .selectFrom('oidc_application as a')
    .leftJoin('oidc_client as c', 'c.client_id', 'a.client_id')
    .where('a.kind', '=', 'production')
  q =
    f.state === 'open'
      ? q.where('a.state', 'in', OPEN_STATES)
      : q.where('a.state', 'in', ['approved', 'refused', 'withdrawn'])
  const ordered =
    f.state === 'open'
      ? q.orderBy('a.due_on').orderBy('a.created_at')
      : q.orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc')
  const [items, total] = await Promise.all([
    ordered
      .selectAll('a')
      .select(['c.status as client_status', 'c.allow_dependents as client_allow_dependents'])
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: total.n }
}

// Single use: of two requests for the first secret, only the one whose UPDATE sets the mark proceeds.
export const markCredentialsCollected = (db: Db, id: string, now: Date) =>
  db
    .updateTable('oidc_application')
    .set({ credentials_collected_at: now, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'approved')
    .where('credentials_collected_at', 'is', null)
    .returning('client_id')
    .executeTakeFirst()

/** Replaces a secret client's secret hash: the old secret stops working at once. */
export const setClientSecretHash = async (db: Db, clientId: string, secretHash: string, now: Date) => {
  const set = await db
    .updateTable('oidc_client')
    .set({ secret_hash: secretHash, updated_at: now })
    .where('client_id', '=', clientId)
    .where('auth_method', '<>', 'private_key_jwt')
    .returning('client_id')
    .executeTakeFirst()
  clientChanged(clientId)
  return set
}

/** Replaces a private_key_jwt client's public keys, and the application's copy, in the caller's transaction. */
export const setClientKeys = async (
  db: Db,
  applicationId: string,
  clientId: string,
  jwks: string,
  now: Date,
) => {
  await db
    .updateTable('oidc_client')
    .set({ jwks, updated_at: now })
    .where('client_id', '=', clientId)
    .where('auth_method', '=', 'private_key_jwt')
    .execute()
  clientChanged(clientId)
  await db
    .updateTable('oidc_application')
    .set({ jwks, updated_at: now })
    .where('id', '=', applicationId)
    .execute()
}
