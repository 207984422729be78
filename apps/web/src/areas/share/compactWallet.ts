import { apiGet } from '../../api'
import { sessionSend } from '../citizen/accountsApi'
import { batchKey, type CompactBatch, type OfflineProfile, takeFromBatch } from './compactBatch'
import { deviceProof } from './deviceKey'
import { idbDelete, idbGet, idbPut, STORES } from './idb'

// The offline side of sharing: compact credentials issued to this device's key (docs/sharing.md), kept
// in IndexedDB so that a QR can be shown with no network, fetched again when used up or expired.

export const walletPaths = {
  nonce: '/api/v1/credentials/nonce',
  compact: '/api/v1/credentials/compact',
  issuerMetadata: '/.well-known/jwt-vc-issuer',
}

/** How many credentials to ask for at once: enough for a day of showing, few enough to stay small. */
const BATCH_SIZE = 10

const fetchBatch = async (profile: OfflineProfile, documentId: string | undefined, now: Date) => {
  // The proof's audience is the credential issuer (the platform's public URL, which may differ from this tab's).
  const { issuer } = await apiGet<{ issuer: string }>(walletPaths.issuerMetadata)
  const { c_nonce } = await sessionSend<{ c_nonce: string }>('POST', walletPaths.nonce, {})
  const proof = await deviceProof({ aud: issuer, nonce: c_nonce, now })
  return sessionSend<CompactBatch>('POST', walletPaths.compact, {
    profile,
    ...(documentId ? { documentId } : {}),
    proof,
    count: BATCH_SIZE,
  })
}

/** One credential for one QR, from the stored batch or a fresh one; the rest is stored back. */
export const takeCompactCredential = async (input: {
  accountId: string
  profile: OfflineProfile
  documentId?: string
  now: () => Date
}): Promise<string> => {
  const key = batchKey(input.accountId, input.profile, input.documentId)
  let taken = takeFromBatch(await idbGet<CompactBatch>(STORES.credentials, key), input.now())
  if (!taken) {
    await idbDelete(STORES.credentials, key)
    taken = takeFromBatch(await fetchBatch(input.profile, input.documentId, input.now()), input.now())
    if (!taken) throw new Error('the issuer answered with no usable credential')
  }
  await idbPut(STORES.credentials, key, taken.rest)
  return taken.credential
}

/** Forgets the offline credentials of one choice (e.g. after the document was removed). */
export const forgetBatch = (accountId: string, profile: OfflineProfile, documentId?: string) =>
  idbDelete(STORES.credentials, batchKey(accountId, profile, documentId))
