import { type CccdQrRecord, type LocalDate, normalizeName } from '@dinhdanh/vn-id'
import { dobMatches, type PersonView } from '../registry/index.js'

/**
 * The answer to "may I rely on this card?", most serious first: the first that applies is the verdict.
 * `valid` is the only verdict that says yes; `expired` and `card_not_current` say "genuine but not usable".
 */
export const VERDICTS = [
  'not_found',
  'id_cancelled',
  'mismatch',
  'deceased',
  'card_revoked',
  'card_lost',
  'card_not_current',
  'expired',
  'valid',
] as const
export type Verdict = (typeof VERDICTS)[number]

export type CardStatus = PersonView['cards'][number]['status']
export type CardKind = PersonView['cards'][number]['kind']

/** What the printed data agree with in the registry; `oldCmnd` is null when the QR carries none. */
export type Matches = {
  fullName: boolean
  dateOfBirth: boolean
  gender: boolean
  oldCmnd: boolean | null
  issueDate: boolean
}

/** The card the QR was printed on, found by its issue date among the person's cards. */
export type CardFacts = {
  kind: CardKind
  status: CardStatus
  /** It is the person's newest card (no card issued after it). */
  current: boolean
  /** Printed on the card's face too; null = valid for life (issued at 58 or later). */
  expiresOn: string | null
  /** Not usable on `today` because of its date or its recorded status. */
  expired: boolean
}

export type RegistryFacts = {
  found: boolean
  /** The number on the card was cancelled and replaced by another (registry_old_id 'cancelled'). */
  idCancelled: boolean
  deceased: boolean | null
  matches: Matches | null
  card: CardFacts | null
}

// Case and spacing vary between printers; diacritics do not ("Nguyễn" and "Nguyên" are two names).
const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b)

const cardFacts = (person: PersonView, issueDate: LocalDate, today: LocalDate): CardFacts | null => {
  const card = person.cards.find((c) => c.issuedOn === issueDate)
  if (!card) return null
  const newest = person.cards.reduce((a, c) => (c.issuedOn > a ? c.issuedOn : a), card.issuedOn)
  const pastDate = card.expiresOn !== null && card.expiresOn <= today
  return {
    kind: card.kind,
    status: card.status,
    current: card.issuedOn === newest,
    expiresOn: card.expiresOn,
    expired: card.status === 'expired' || pastDate,
  }
}

/** Compares a parsed card QR with the person the registry holds under its number, on `today`. */
export const compareWithRegistry = (
  qr: CccdQrRecord,
  person: PersonView,
  today: LocalDate,
): Omit<RegistryFacts, 'found' | 'idCancelled'> => {
  const card = cardFacts(person, qr.issueDate, today)
  return {
    deceased: person.status === 'deceased',
    matches: {
      fullName: sameName(qr.fullName, person.fullName),
      dateOfBirth: dobMatches(qr.dateOfBirth, person.dateOfBirth),
      gender: qr.gender === person.gender,
      // A 9-digit number can only be an old CMND (cancelled personal ID numbers have 12 digits).
      oldCmnd: qr.oldCmnd === undefined ? null : person.oldIdNumbers.includes(qr.oldCmnd),
      issueDate: card !== null,
    },
    card,
  }
}

/** Name, birth date and sex agree: the QR names the person the registry holds under its number. */
export const identityMatches = (m: Matches | null): boolean =>
  Boolean(m?.fullName && m.dateOfBirth && m.gender)

/**
 * The first verdict that applies, in the order of VERDICTS. A mismatch comes before the person's death and
 * the card's status: an altered QR is the finding, and whoever altered it learns nothing more.
 */
export const verdictOf = (r: RegistryFacts): Verdict => {
  if (r.idCancelled) return 'id_cancelled'
  if (!r.found) return 'not_found'
  const m = r.matches
  if (!identityMatches(m) || m?.oldCmnd === false || !r.card) return 'mismatch'
  if (r.deceased) return 'deceased'
  if (r.card.status === 'revoked') return 'card_revoked'
  if (r.card.status === 'lost') return 'card_lost'
  if (!r.card.current || r.card.status === 'replaced') return 'card_not_current'
  if (r.card.expired) return 'expired'
  return 'valid'
}
