import type { Db } from '../../database.js'

/** Whether the holder allows logging in on the web by QR code; off when they never chose. */
export const webQrLoginOf = async (db: Db, accountId: string): Promise<boolean> =>
  (
    await db
      .selectFrom('accounts_setting')
      .select('web_qr_login')
      .where('account_id', '=', accountId)
      .executeTakeFirst()
  )?.web_qr_login ?? false

export const saveWebQrLogin = (db: Db, accountId: string, on: boolean, now: Date) =>
  db
    .insertInto('accounts_setting')
    .values({ account_id: accountId, web_qr_login: on, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ web_qr_login: on, updated_at: now }))
    .execute()
