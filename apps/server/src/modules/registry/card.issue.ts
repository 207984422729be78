import type { Db } from '../../database.js'
import type { CardKind } from './registry.table.js'

export type NewCard = {
  personalId: string
  kind: CardKind
  issuedOn: string
  /** Null: issued at 58 or later, valid for life. */
  expiresOn: string | null
  authority: string
}

/**
 * Writes a newly produced card (the card number is the personal ID number, LID 2023 Art 18) and marks
 * the card it replaces: a valid or expired card becomes 'replaced'; a lost or revoked one keeps its status.
 */
export const issueCard = async (db: Db, card: NewCard): Promise<void> => {
  await db
    .updateTable('registry_card')
    .set({ status: 'replaced' })
    .where('personal_id', '=', card.personalId)
    .where('status', 'in', ['valid', 'expired'])
    .execute()
  await db
    .insertInto('registry_card')
    .values({
      personal_id: card.personalId,
      number: card.personalId,
      kind: card.kind,
      issued_on: card.issuedOn,
      expires_on: card.expiresOn,
      authority: card.authority,
      status: 'valid',
    })
    .onConflict((oc) =>
      oc.columns(['personal_id', 'issued_on']).doUpdateSet({
        kind: card.kind,
        expires_on: card.expiresOn,
        authority: card.authority,
        status: 'valid',
      }),
    )
    .execute()
}
