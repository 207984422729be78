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

export type AppCheckResult = {
  genuine: true
  holder: { fullName: string; personalId: string; dateOfBirth: string; accountLevel: number }
  documents: AppCheckDocument[]
  checkedAt: string
}

/** Only online app-check codes: `VNS1:` and the token (upper-case base32). */
export const isOnlineShareQr = (text: string) => /^VNS1:[A-Z2-7]{16,64}$/.test(text.trim())

export const useRedeemAppCheck = () =>
  useMutation<AppCheckResult, ApiError, string>({
    mutationFn: (qr) => sessionSend<AppCheckResult>('POST', sharePaths.appCheck, { qr: qr.trim() }),
  })
