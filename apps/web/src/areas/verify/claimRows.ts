// The claims of a verified share as table rows: nested objects (a document and its fields) are flattened,
// empty values dropped, and each value marked with how to show it.

export type ClaimValue =
  | { type: 'text'; text: string }
  | { type: 'date'; text: string }
  /** A value with a translation (sex, document kind, card kind, vehicle type, status). */
  | { type: 'term'; term: string }

/** `path` is unique (a nested claim's parent and key); `key` names the label. */
export type ClaimRow = { path: string; key: string; value: ClaimValue }

const TERM_KEYS = new Set(['gender', 'document_kind', 'kind', 'card_kind', 'vehicle_type', 'status'])
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}$/

const claimValue = (key: string, v: string | number | boolean): ClaimValue => {
  // ISO/IEC 5218, as the compact credential writes sex: 1 male, 2 female.
  if (key === 'sex' && (v === 1 || v === 2)) return { type: 'term', term: v === 1 ? 'male' : 'female' }
  if (key === 'sex' && (v === 'male' || v === 'female')) return { type: 'term', term: v }
  if (TERM_KEYS.has(key) && typeof v === 'string') return { type: 'term', term: v }
  if (typeof v === 'string' && ISO_DATE.test(v)) return { type: 'date', text: v }
  return { type: 'text', text: String(v) }
}

/** Rows in the order the object gives them; `skip` keys are not shown (e.g. internal ids). */
export const claimRows = (
  claims: Record<string, unknown>,
  skip: ReadonlySet<string> = new Set(),
): ClaimRow[] => {
  const rows: ClaimRow[] = []
  const walk = (obj: Record<string, unknown>, parent: string) => {
    for (const [key, v] of Object.entries(obj)) {
      const path = parent ? `${parent}.${key}` : key
      if (skip.has(key) || v === null || v === undefined || v === '') continue
      if (Array.isArray(v)) {
        const items = v.filter((x) => x !== null && x !== undefined && x !== '').map(String)
        if (items.length > 0) rows.push({ path, key, value: { type: 'text', text: items.join(' · ') } })
      } else if (typeof v === 'object') walk(v as Record<string, unknown>, path)
      else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        rows.push({ path, key, value: claimValue(key, v) })
    }
  }
  walk(claims, '')
  return rows
}

/** A date as Vietnamese write it: 2024-03-05 → 05/03/2024, 2024-03 → 03/2024. */
export const vnDate = (iso: string) => iso.split('-').reverse().join('/')
