import type { ColumnType, Insertable, Selectable } from 'kysely'

export const ACTOR_KINDS = ['citizen', 'officer', 'system', 'relying_party', 'representative'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

type Json = ColumnType<unknown, string, string>

export interface AuditEventTable {
  /** Gapless position in the chain, assigned under the append lock (a gap means a deleted row). */
  seq: number
  id: string
  at: ColumnType<Date, Date, Date>
  actor: string
  actor_kind: ActorKind
  action: string
  subject: string | null
  subject_kind: string | null
  purpose: string | null
  data: Json
  request_id: string | null
  prev_hash: string
  hash: string
}

export interface AuditTables {
  platform_audit_event: AuditEventTable
}

export type AuditEventRow = Selectable<AuditEventTable>
export type NewAuditEventRow = Insertable<AuditEventTable>
