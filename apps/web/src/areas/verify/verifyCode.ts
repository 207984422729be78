import { type CccdQrRecord, parseCccdQr } from '@dinhdanh/vn-id'
import {
  statusListChecker,
  type VerifiedShare,
  VN_SHARE_MESSAGES_EN,
  type VnShareErrorCode,
  verifyQr,
} from '@dinhdanh/vn-share'
import { classifyQr } from './classifyQr'
import { type ReplayCheck, replayStoreFor } from './replayStore'
import { type KeySet, loadShareKeys } from './shareKeys'
import { fetchStatusList, isStale, storedStatusLists } from './statusLists'
import { type VerifierCredentials, VerifierError, verifierPaths, verifierPost } from './verifierClient'

// What the verifier page found, one value per outcome (no exceptions reach the page).

export type OnlineRedeemed = {
  scope: { kind: string }
  /** A foreign resident's number is a foreigner ID, not a citizen's personal ID number (docs/sharing.md). */
  subjectKind?: 'citizen' | 'foreigner'
  subject: Record<string, unknown>
  sharedAt: string
  verifier: { id: string; name: string }
}

export type CardCheck = {
  verdict: string
  checkedOn: string
  registry: { found: boolean; matches: Record<string, boolean | null> | null }
}

export type Outcome =
  | { kind: 'offline'; ok: true; share: VerifiedShare; keys: KeySet; verifiedAt: Date; replay: ReplayCheck }
  | {
      kind: 'offline'
      ok: false
      code: VnShareErrorCode | 'keys.UNAVAILABLE'
      message: string
      keys: KeySet | null
      replay?: ReplayCheck
    }
  | { kind: 'online'; ok: true; redeemed: OnlineRedeemed; verifiedAt: Date }
  | { kind: 'online'; ok: false; code: string; message: string; needsVerifier: boolean }
  | { kind: 'card'; ok: true; record: CccdQrRecord; registry: CardCheck | VerifierError | null }
  | { kind: 'card'; ok: false; code: string; message: string }
  | { kind: 'unknown' }

const verifyOffline = async (
  text: string,
  now: () => Date,
  verifier: VerifierCredentials | null,
): Promise<Outcome> => {
  const { seen, used } = replayStoreFor(verifier)
  let keys: KeySet
  try {
    keys = await loadShareKeys(now(), { preferCache: true })
  } catch (e) {
    return { kind: 'offline', ok: false, code: 'keys.UNAVAILABLE', message: String(e), keys: null }
  }
  let result = await verifyQr(text, keys.keys, {
    now: now(),
    seen,
    status: statusListChecker(storedStatusLists(now())),
  })
  // A key published after our copy was taken: fetch the keys again once, when the network allows.
  if (!result.ok && result.code === 'vn-share.KEY_UNKNOWN' && keys.source === 'cache') {
    const fresh = await loadShareKeys(now()).catch(() => null)
    if (fresh && fresh.source === 'network') {
      keys = fresh
      result = await verifyQr(text, keys.keys, {
        now: now(),
        seen,
        status: statusListChecker(storedStatusLists(now())),
      })
    }
  }
  // Accepted with no list at hand, or by a list past its ttl: fetch the credential's status list when online
  // (and keep it for later); offline, a stale list's answer stands.
  const listId = result.ok ? result.status.list : undefined
  const held = storedStatusLists(now()).find((l) => l.listId === listId)
  if (result.ok && (result.status.checked === 'unknown' || (held && isStale(held, now())))) {
    const list = await fetchStatusList(result.status.list, now()).catch(() => null)
    const status = list ? statusListChecker([list])(result.status, now()) : result.status.checked
    if (status === 'invalid')
      result = { ok: false, code: 'vn-share.REVOKED', message: VN_SHARE_MESSAGES_EN['vn-share.REVOKED'] }
    else if (result.ok) result = { ...result, status: { ...result.status, checked: status } }
  }
  return result.ok
    ? { kind: 'offline', ok: true, share: result, keys, verifiedAt: now(), replay: used }
    : result.code === 'vn-share.REPLAYED'
      ? { kind: 'offline', ok: false, code: result.code, message: result.message, keys, replay: used }
      : { kind: 'offline', ok: false, code: result.code, message: result.message, keys }
}

const errorOutcome = (e: unknown) =>
  e instanceof VerifierError
    ? { code: e.code, message: e.message }
    : { code: 'network.UNREACHABLE', message: e instanceof Error ? e.message : String(e) }

const redeemOnline = async (
  text: string,
  verifier: VerifierCredentials | null,
  now: () => Date,
): Promise<Outcome> => {
  if (!verifier)
    return {
      kind: 'online',
      ok: false,
      code: 'verifier.MISSING',
      message: 'No verifier credentials',
      needsVerifier: true,
    }
  try {
    const redeemed = await verifierPost<OnlineRedeemed>(verifier, verifierPaths.redeem, { qr: text })
    return { kind: 'online', ok: true, redeemed, verifiedAt: now() }
  } catch (e) {
    return { kind: 'online', ok: false, ...errorOutcome(e), needsVerifier: false }
  }
}

/** The card's QR is read here; checked against the registry only with a verifier's token. */
export const checkCardAgainstRegistry = async (text: string, verifier: VerifierCredentials) => {
  try {
    return await verifierPost<CardCheck>(verifier, verifierPaths.cardQr, { qr: text })
  } catch (e) {
    return e instanceof VerifierError ? e : new VerifierError('network.UNREACHABLE', String(e), 0)
  }
}

export const verifyCode = async (
  raw: string,
  verifier: VerifierCredentials | null,
  now: () => Date = () => new Date(),
): Promise<Outcome> => {
  const qr = classifyQr(raw)
  if (qr.kind === 'offline') return verifyOffline(qr.text, now, verifier)
  if (qr.kind === 'online') return redeemOnline(qr.text, verifier, now)
  if (qr.kind === 'card') {
    const parsed = parseCccdQr(qr.text)
    if (!parsed.ok) return { kind: 'card', ok: false, code: parsed.code, message: parsed.message }
    const registry = verifier ? await checkCardAgainstRegistry(qr.text, verifier) : null
    return { kind: 'card', ok: true, record: parsed.value, registry }
  }
  return { kind: 'unknown' }
}
