import type { TFunction } from 'i18next'
import { formatDay, parseDayInput, yearsAfter } from './day'
import { GROUND_OF, type LockRequestKind, type NewLockRequest } from './lockRequestsApi'

/** The authority's letter as the officer types it. */
export type LetterForm = {
  personalId: string
  kind: LockRequestKind
  authorityName: string
  documentNumber: string
  documentDate: string
  lockUntil: string
  note: string
}
export type LetterField = 'personalId' | 'authorityName' | 'documentNumber' | 'documentDate' | 'lockUntil'
export type LetterErrors = Partial<Record<LetterField, string>>
/** In the order they appear: the first one with an error takes the focus. */
export const LETTER_FIELDS: readonly LetterField[] = [
  'personalId',
  'authorityName',
  'documentNumber',
  'documentDate',
  'lockUntil',
]

export const EMPTY_LETTER: LetterForm = {
  personalId: '',
  kind: 'lock',
  authorityName: '',
  documentNumber: '',
  documentDate: '',
  lockUntil: '',
  note: '',
}

// The server's own limits (lock-requests.schemas.ts, letter.checks.ts), checked first where the officer types.
const PERSONAL_ID = /^(\d{12}|NN\d{10})$/
const LOCK_UNTIL_MAX_YEARS = 2

const normalizeId = (s: string) => s.replace(/\s+/g, '').toUpperCase()

/** The errors of each field, and the body to send when there are none. */
export const checkLetterForm = (
  f: LetterForm,
  today: string,
  t: TFunction,
): { errors: LetterErrors; body: NewLockRequest | null } => {
  const e: LetterErrors = {}
  const k = 'officer.lockRequests.record'
  const personalId = normalizeId(f.personalId)
  if (personalId === '') e.personalId = t(`${k}.personalIdRequired`)
  else if (!PERSONAL_ID.test(personalId)) e.personalId = t(`${k}.personalIdInvalid`)
  if (f.authorityName.trim().length < 3) e.authorityName = t(`${k}.authorityNameRequired`)
  if (f.documentNumber.trim() === '') e.documentNumber = t(`${k}.documentNumberRequired`)
  const documentDate = parseDayInput(f.documentDate)
  if (f.documentDate.trim() === '') e.documentDate = t(`${k}.documentDateRequired`)
  else if (!documentDate) e.documentDate = t(`${k}.dateInvalid`)
  else if (documentDate > today) e.documentDate = t(`${k}.documentDateFuture`)
  const withEnd = f.kind === 'lock' && f.lockUntil.trim() !== ''
  const lockUntil = withEnd ? parseDayInput(f.lockUntil) : null
  const max = yearsAfter(today, LOCK_UNTIL_MAX_YEARS)
  if (withEnd && !lockUntil) e.lockUntil = t(`${k}.dateInvalid`)
  else if (lockUntil && lockUntil <= today) e.lockUntil = t(`${k}.lockUntilNotAfterToday`)
  else if (lockUntil && lockUntil > max) e.lockUntil = t(`${k}.lockUntilTooFar`, { max: formatDay(max) })
  if (Object.keys(e).length > 0 || !documentDate) return { errors: e, body: null }
  return {
    errors: e,
    body: {
      personalId,
      kind: f.kind,
      ground: GROUND_OF[f.kind],
      authority: {
        name: f.authorityName.trim(),
        documentNumber: f.documentNumber.trim(),
        documentDate,
      },
      ...(lockUntil ? { lockUntil } : {}),
      ...(f.note.trim() ? { note: f.note.trim() } : {}),
    },
  }
}
