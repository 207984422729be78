import { useMutation } from '@tanstack/react-query'
import type { ApiError } from '../../api'
import { sessionSend } from '../citizen/accountsApi'
import { sharePaths } from './shareApi'

// ---- Mirror of the Dispatch 1101 app check's answer (docs/sharing.md) ----

export type AppCheckDocument = {
  kind: string
  number: string
  status: string
  validFrom: string
  validTo: string | null
  sourceSystem: string
}

/** A citizen by personal ID number, or a foreign resident by foreigner ID number and nationality. */
export type AppCheckHolder =
  | {
      subjectKind: 'citizen'
      fullName: string
      personalId: string
      dateOfBirth: string
      accountLevel: number
    }
  | {
      subjectKind: 'foreigner'
      fullName: string
      foreignerId: string
      dateOfBirth: string
      /** ISO 3166-1 alpha-2, as on the travel document. */
      nationality: string
      accountLevel: number
    }

export type AppCheckResult = {
  genuine: true
  holder: AppCheckHolder
  /** The portrait on record as a data: URL, for the officer to compare with the person; null when none. */
  portrait: string | null
  documents: AppCheckDocument[]
  checkedAt: string
}

/** Only online app-check codes: `VNS1:` and the token (upper-case base32). */
export const isOnlineShareQr = (text: string) => /^VNS1:[A-Z2-7]{16,64}$/.test(text.trim())

export const useRedeemAppCheck = () =>
  useMutation<AppCheckResult, ApiError, string>({
    mutationFn: (qr) => sessionSend<AppCheckResult>('POST', sharePaths.appCheck, { qr: qr.trim() }),
  })
