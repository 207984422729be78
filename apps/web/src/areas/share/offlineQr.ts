import { presentForQr } from '@dinhdanh/vn-share'
import type { OfflineProfile } from './compactBatch'
import { takeCompactCredential } from './compactWallet'
import { deviceKey } from './deviceKey'

/**
 * An offline QR text (`VNO1:`…): one stored compact credential, presented with this device's key at this
 * moment, so that a verifier can check issuer, holder binding and freshness with no network.
 */
export const makeOfflineQr = async (input: {
  accountId: string
  profile: OfflineProfile
  documentId?: string
  now: () => Date
}): Promise<string> => {
  const credential = await takeCompactCredential(input)
  const key = await deviceKey()
  return presentForQr(credential, key.privateKey, input.now())
}
