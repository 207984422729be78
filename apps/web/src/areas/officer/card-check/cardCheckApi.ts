import { useMutation } from '@tanstack/react-query'
import { type ApiError, apiPost, officerCsrfHeaders, type Person } from '../../../api'

// Mirrors of the server's JSON (apps/server/src/modules/card-check/card-check.view.ts).

export const CARD_CHECK_PATH = '/officer/card-check'

export const VERDICTS = [
  'valid',
  'expired',
  'card_not_current',
  'card_lost',
  'card_revoked',
  'mismatch',
  'deceased',
  'id_cancelled',
  'not_found',
] as const
export type Verdict = (typeof VERDICTS)[number]

export type Matches = {
  fullName: boolean
  dateOfBirth: boolean
  gender: boolean
  oldCmnd: boolean | null
  issueDate: boolean
}

export type CardCheck = {
  verdict: Verdict
  checkedOn: string
  parsed: {
    personalId: string
    oldCmnd: string | null
    fullName: string
    dateOfBirth: string
    gender: 'male' | 'female'
    address: string
    issueDate: string
    extra: string[]
  }
  registry: {
    found: boolean
    idCancelled: boolean
    deceased: boolean | null
    matches: Matches | null
    card: {
      kind: 'CCCD_CHIP' | 'CAN_CUOC_2024'
      status: string
      current: boolean
      expiresOn: string | null
      expired: boolean
    } | null
  }
  person: Pick<
    Person,
    | 'personalId'
    | 'fullName'
    | 'dateOfBirth'
    | 'gender'
    | 'permanentAddress'
    | 'status'
    | 'cards'
    | 'oldIdNumbers'
  > | null
}

/** Each check is audited on the server, so it is a POST the officer triggers, never a cached query. */
export const useCardCheck = () =>
  useMutation<CardCheck, ApiError, string>({
    mutationFn: (qr) =>
      apiPost<CardCheck>('/api/v1/officer/card-qr', { qr }, { headers: officerCsrfHeaders() }),
  })
