import type { CardApplicationRow } from './enrolment.table.js'

/** A card application as officers see it; `overdue` once its due day has passed with no card produced. */
export const toCardApplicationView = (a: CardApplicationRow, today: string) => ({
  id: a.id,
  personalId: a.personal_id,
  kind: a.kind,
  reason: a.reason,
  state: a.state,
  dossierId: a.dossier_id,
  receivingUnit: a.unit_code,
  receivedOn: a.received_on,
  dueOn: a.due_on,
  overdue: (a.state === 'received' || a.state === 'approved') && a.due_on < today,
  rejectionReason: a.rejection_reason,
  cardIssuedOn: a.card_issued_on,
})
export type CardApplicationView = ReturnType<typeof toCardApplicationView>
