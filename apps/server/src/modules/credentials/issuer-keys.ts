import { webcrypto } from 'node:crypto'
import { calculateJwkThumbprint, type JWK } from 'jose'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { createDataSealer } from '../../platform/keys/index.js'
import type { IssuerKeyPurpose, IssuerKeyRow, IssuerPublicJwk, NewIssuerKeyRow } from './credentials.table.js'
import {
  findActiveIssuerKey,
  insertIssuerKey,
  lockIssuerKeys,
  publishedIssuerKeys,
  retireIssuerKey,
} from './issuer-keys.repository.js'
import {
  createDocumentSignerCertificate,
  createIacaCertificate,
  generateP256,
  importPrivateP256,
  parseCertificate,
} from './mdoc.certificates.js'

export type IssuerKeysDeps = Pick<Deps, 'db' | 'clock' | 'keys'>
export type IssuerKey = {
  kid: string
  purpose: IssuerKeyPurpose
  privateJwk: JWK
  publicJwk: IssuerPublicJwk
  certificate: string | null
}

const DAY = 86_400_000
/** A document signer is replaced this long before its certificate ends, so no MSO is signed at its edge. */
const DS_RENEW_BEFORE_MS = 90 * DAY
/** How long a status list JWT lives (and so may sit in a verifier's cache): its key stays published as long. */
export const STATUS_LIST_LIFETIME_MS = DAY

// A purpose of its own under the KEK: the issuer keys are never usable as OIDC keys, nor these as theirs.
const sealerFor = (deps: IssuerKeysDeps) =>
  createDataSealer(deps.keys.deriveSecret('credentials/issuer-keys'), 'credentials-issuer-key')

const needsReplacing = (row: IssuerKeyRow, now: Date) =>
  row.purpose === 'mdoc-ds' &&
  row.not_after !== null &&
  row.not_after.getTime() - now.getTime() < DS_RENEW_BEFORE_MS

const openKey = (deps: IssuerKeysDeps, row: IssuerKeyRow): IssuerKey => ({
  kid: row.kid,
  purpose: row.purpose,
  privateJwk: JSON.parse(sealerFor(deps).open(row.private_jwk_enc, row.kid).toString('utf8')) as JWK,
  publicJwk: row.public_jwk,
  certificate: row.certificate,
})

const newKeyRow = async (
  trx: Transaction<Database>,
  deps: IssuerKeysDeps,
  purpose: IssuerKeyPurpose,
  now: Date,
): Promise<NewIssuerKeyRow> => {
  const pair = await generateP256()
  const pub = await webcrypto.subtle.exportKey('jwk', pair.publicKey)
  const thumbprint = await calculateJwkThumbprint(pub as JWK, 'sha256')
  // Offline QR credentials carry the kid: its first 6 bytes (8 base64url characters) are enough among our keys.
  const kid = purpose === 'compact' ? thumbprint.slice(0, 8) : thumbprint
  const publicJwk: IssuerPublicJwk = {
    kty: 'EC',
    crv: 'P-256',
    x: String(pub.x),
    y: String(pub.y),
    kid,
    alg: 'ES256',
    use: 'sig',
  }
  let certificate: { toString(f: 'pem'): string; notAfter: Date } | null = null
  if (purpose === 'mdoc-iaca') certificate = await createIacaCertificate(pair, now)
  if (purpose === 'mdoc-ds') {
    const iaca = openKey(deps, await ensureIn(trx, deps, 'mdoc-iaca', now))
    certificate = await createDocumentSignerCertificate(
      pair.publicKey,
      {
        certificate: parseCertificate(String(iaca.certificate)),
        privateKey: await importPrivateP256(iaca.privateJwk as webcrypto.JsonWebKey),
      },
      now,
    )
  }
  const priv = await webcrypto.subtle.exportKey('jwk', pair.privateKey)
  return {
    kid,
    purpose,
    status: 'active',
    public_jwk: JSON.stringify(publicJwk),
    private_jwk_enc: sealerFor(deps).seal(Buffer.from(JSON.stringify({ ...priv, kid }), 'utf8'), kid),
    certificate: certificate?.toString('pem') ?? null,
    not_after: certificate?.notAfter ?? null,
    created_at: now,
    retired_at: null,
  }
}

// Under the issuer-key lock: the active key of a purpose, made (or replaced) when needed.
const ensureIn = async (
  trx: Transaction<Database>,
  deps: IssuerKeysDeps,
  purpose: IssuerKeyPurpose,
  now: Date,
): Promise<IssuerKeyRow> => {
  const active = await findActiveIssuerKey(trx, purpose)
  if (active && !needsReplacing(active, now)) return active
  if (active) await retireIssuerKey(trx, active.kid, now)
  await insertIssuerKey(trx, await newKeyRow(trx, deps, purpose, now))
  return (await findActiveIssuerKey(trx, purpose)) as IssuerKeyRow
}

/** The active key of a purpose; the first call (or a document signer near its end) makes a new one. */
export const activeIssuerKey = async (
  deps: IssuerKeysDeps,
  purpose: IssuerKeyPurpose,
): Promise<IssuerKey> => {
  const now = deps.clock.now()
  const active = await findActiveIssuerKey(deps.db, purpose)
  if (active && !needsReplacing(active, now)) return openKey(deps, active)
  // Two instances racing: the second waits on the lock, then finds the first one's key.
  const row = await deps.db.transaction().execute(async (trx) => {
    await lockIssuerKeys(trx)
    return ensureIn(trx, deps, purpose, now)
  })
  return openKey(deps, row)
}

/**
 * A new active key; the old one stays published while a credential it signed is unexpired. Rotating the
 * IACA root also replaces the document signer, so new mdocs chain to the new root.
 */
export const rotateIssuerKey = (deps: IssuerKeysDeps, purpose: IssuerKeyPurpose) =>
  deps.db.transaction().execute(async (trx) => {
    await lockIssuerKeys(trx)
    const now = deps.clock.now()
    const old = await findActiveIssuerKey(trx, purpose)
    if (old) await retireIssuerKey(trx, old.kid, now)
    if (purpose === 'mdoc-iaca') {
      const ds = await findActiveIssuerKey(trx, 'mdoc-ds')
      if (ds) await retireIssuerKey(trx, ds.kid, now)
    }
    const row = await ensureIn(trx, deps, purpose, now)
    return { kid: row.kid, retired: old?.kid ?? null }
  })

/** The SD-JWT VC issuer's public keys, as the `jwks` of its metadata. */
export const issuerJwks = async (deps: IssuerKeysDeps) => {
  await activeIssuerKey(deps, 'sd-jwt')
  const now = deps.clock.now()
  const rows = await publishedIssuerKeys(
    deps.db,
    'sd-jwt',
    now,
    new Date(now.getTime() - STATUS_LIST_LIFETIME_MS),
  )
  return { keys: rows.map((r) => r.public_jwk) }
}

/** The IACA root certificates (PEM) a verifier trusts for our mdocs: the active one and unexpired retired ones. */
export const iacaCertificates = async (deps: IssuerKeysDeps) => {
  await activeIssuerKey(deps, 'mdoc-iaca')
  const now = deps.clock.now()
  const rows = await publishedIssuerKeys(deps.db, 'mdoc-iaca', now, new Date(0))
  return rows
    .filter((r) => r.certificate !== null && parseCertificate(r.certificate).notAfter > now)
    .map((r) => String(r.certificate))
}
