import { createHash, randomBytes } from 'node:crypto'
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose'
import type { Db } from '../../database.js'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { HolderJwk } from './credential.inputs.js'
import { CREDENTIALS } from './credentials.errors.js'

/** How long a nonce may wait for its proof (OpenID4VCI c_nonce). */
export const HOLDER_NONCE_TTL_MS = 5 * 60_000
/** How far a proof's `iat` may lie ahead of our clock (a phone whose clock runs fast). */
export const PROOF_FUTURE_SKEW_S = 60
/** The unused nonces one account may hold; asking for more drops its oldest. */
export const HOLDER_NONCES_PER_ACCOUNT = 10
export const PROOF_TYP = 'openid4vci-proof+jwt'

export type HolderProofDeps = Pick<Deps, 'db' | 'clock' | 'config'>

const hashOf = (nonce: string) => createHash('sha256').update(nonce, 'utf8').digest('base64url')

/** A 128-bit random nonce for the account's next proof of possession, valid 5 minutes, used once. */
export async function issueHolderNonce(
  deps: HolderProofDeps,
  accountId: string,
): Promise<{ nonce: string; expiresAt: Date }> {
  const nonce = randomBytes(16).toString('base64url')
  const now = deps.clock.now()
  const expiresAt = new Date(now.getTime() + HOLDER_NONCE_TTL_MS)
  await deps.db.transaction().execute(async (trx) => {
    await deleteExpiredNonces(trx, now)
    await insertNonce(trx, {
      nonce_hash: hashOf(nonce),
      account_id: accountId,
      created_at: now,
      expires_at: expiresAt,
    })
    await trimAccountNonces(trx, accountId, HOLDER_NONCES_PER_ACCOUNT)
  })
  return { nonce, expiresAt }
}

/**
 * Checks an OpenID4VCI proof of possession (jwt proof type) and returns the holder's public key, to which
 * the credential is then bound. The proof must be a compact JWS, ES256, `typ` openid4vci-proof+jwt, with
 * the holder's public P-256 key as `jwk` in its header (a private key is refused) and signed by it; its
 * payload names this issuer (`aud` = PUBLIC_URL), was made within the nonce's lifetime (`iat`), and carries
 * a nonce issued to this account, which this call uses up.
 */
export async function verifyHolderProof(
  deps: HolderProofDeps,
  accountId: string,
  proof: string,
): Promise<HolderJwk> {
  const holder = await checkProof(deps, proof)
  // Only a proof that verifies uses its nonce: a forged one cannot burn the holder's nonces.
  if (!(await consumeNonce(deps.db, accountId, holder.nonce, deps.clock.now())))
    fail(CREDENTIALS.NONCE_INVALID)
  return holder.jwk
}

const invalid = (why: string): never => fail(CREDENTIALS.PROOF_INVALID, undefined, { reason: why })

const checkProof = async (deps: HolderProofDeps, proof: string) => {
  if (typeof proof !== 'string' || proof.length > 4096 || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(proof))
    return invalid('not a compact JWS')
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(proof)
  } catch {
    return invalid('unreadable header')
  }
  if (header.alg !== 'ES256') return invalid('alg must be ES256')
  if (header.typ !== PROOF_TYP) return invalid(`typ must be ${PROOF_TYP}`)
  if (header.kid !== undefined || header.x5c !== undefined)
    return invalid('the key must be given as jwk only')
  const jwk = HolderJwk.safeParse(header.jwk)
  if (!jwk.success) return invalid('jwk must be a public EC P-256 key')
  const now = deps.clock.now()
  let payload: Record<string, unknown>
  try {
    const key = await importJWK({ ...jwk.data, alg: 'ES256' }, 'ES256')
    payload = (
      await jwtVerify(proof, key, {
        algorithms: ['ES256'],
        typ: PROOF_TYP,
        audience: deps.config.publicUrl,
        maxTokenAge: HOLDER_NONCE_TTL_MS / 1000,
        clockTolerance: PROOF_FUTURE_SKEW_S,
        currentDate: now,
      })
    ).payload
  } catch (err) {
    return invalid(err instanceof Error ? err.message : 'signature')
  }
  const iat = payload.iat as number
  // jose's tolerance is both ways; a proof from the future is only allowed the skew, an old one nothing more.
  if (iat * 1000 < now.getTime() - HOLDER_NONCE_TTL_MS) return invalid('iat too old')
  if (typeof payload.nonce !== 'string' || payload.nonce.length === 0 || payload.nonce.length > 100)
    return fail(CREDENTIALS.NONCE_INVALID)
  return { jwk: jwk.data, nonce: payload.nonce }
}

const insertNonce = (
  db: Db,
  row: { nonce_hash: string; account_id: string; created_at: Date; expires_at: Date },
) => db.insertInto('credentials_holder_nonce').values(row).execute()

// One DELETE picks the winner: two requests carrying the same nonce cannot both use it, and a nonce of
// another account or past its time matches nothing.
const consumeNonce = async (db: Db, accountId: string, nonce: string, now: Date) =>
  (await db
    .deleteFrom('credentials_holder_nonce')
    .where('nonce_hash', '=', hashOf(nonce))
    .where('account_id', '=', accountId)
    .where('expires_at', '>', now)
    .returning('nonce_hash')
    .executeTakeFirst()) !== undefined

const deleteExpiredNonces = (db: Db, now: Date) =>
  db.deleteFrom('credentials_holder_nonce').where('expires_at', '<=', now).execute()

const trimAccountNonces = (db: Db, accountId: string, keep: number) =>
  db
    .deleteFrom('credentials_holder_nonce')
    .where('account_id', '=', accountId)
    .where('nonce_hash', 'not in', (eb) =>
      eb
        .selectFrom('credentials_holder_nonce')
        .select('nonce_hash')
        .where('account_id', '=', accountId)
        .orderBy('created_at', 'desc')
        .orderBy('nonce_hash')
        .limit(keep),
    )
    .execute()
