// The issuer's published keys for offline QR codes, remembered in localStorage with the day they were
// fetched, so that a verifier who loaded them once can verify later with no network.

import type { ShareKeyJwk } from '@dinhdanh/vn-share'

export type ShareKey = ShareKeyJwk
export type KeySet = { keys: ShareKey[]; fetchedAt: string; source: 'network' | 'cache' }

export const SHARE_KEYS_PATH = '/api/v1/credentials/share-keys'
const STORAGE_KEY = 'dinhdanh.verify.shareKeys'

const isKey = (k: unknown): k is ShareKey => {
  if (typeof k !== 'object' || k === null) return false
  const j = k as Record<string, unknown>
  return (
    j.kty === 'EC' &&
    j.crv === 'P-256' &&
    typeof j.kid === 'string' &&
    typeof j.x === 'string' &&
    typeof j.y === 'string'
  )
}

/** The remembered key set, or null when there is none or it is not one we wrote. */
export const parseStoredKeys = (stored: string | null): Omit<KeySet, 'source'> | null => {
  if (!stored) return null
  try {
    const v = JSON.parse(stored) as { keys?: unknown; fetchedAt?: unknown }
    if (!Array.isArray(v.keys) || typeof v.fetchedAt !== 'string' || Number.isNaN(Date.parse(v.fetchedAt)))
      return null
    const keys = v.keys.filter(isKey)
    return keys.length > 0 ? { keys, fetchedAt: v.fetchedAt } : null
  } catch {
    return null
  }
}

const readStored = () => {
  try {
    return parseStoredKeys(localStorage.getItem(STORAGE_KEY))
  } catch {
    return null
  }
}

/**
 * Fresh keys from the server when it answers (remembered for later), the remembered ones when it does not.
 * `preferCache` skips the network when keys are remembered: a page verifying many codes asks once.
 */
export const loadShareKeys = async (now: Date, opts: { preferCache?: boolean } = {}): Promise<KeySet> => {
  const stored = readStored()
  if (opts.preferCache && stored) return { ...stored, source: 'cache' }
  try {
    const res = await fetch(SHARE_KEYS_PATH, { headers: { accept: 'application/json' }, credentials: 'omit' })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const body = (await res.json()) as { keys?: unknown }
    const keys = Array.isArray(body.keys) ? body.keys.filter(isKey) : []
    if (keys.length === 0) throw new Error('no keys published')
    const set = { keys, fetchedAt: now.toISOString() }
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(set))
    } catch {
      // Storage full or disabled: verification works now, only not offline later.
    }
    return { ...set, source: 'network' }
  } catch (e) {
    if (stored) return { ...stored, source: 'cache' }
    throw e
  }
}
