import { Transaction } from 'kysely'
import type { z } from 'zod'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { type ErrorFactory, fail } from '../../platform/errors.js'
import { fitsProfile, Profile } from './clients.profile.js'
import {
  findClient,
  insertClient,
  listClientRows,
  setClientAllowDependents,
  setClientStatus,
} from './clients.repository.js'
import {
  AuthMethod,
  ClientJwksInput,
  ClientName,
  DEFAULT_SCOPES,
  MinLevel,
  Purpose,
  RedirectUri,
  Scopes,
  Sector,
} from './clients.schemas.js'
import { hashClientSecret, newClientId, newClientSecret } from './clients.secret.js'
import { OIDC } from './oidc.errors.js'
import type { ClientAuthMethod, ClientJwks, ClientProfile, ClientRow, ClientStatus } from './oidc.table.js'

type ClientDeps = Pick<Deps, 'clock'> & { db: Deps['db'] | Transaction<Database> }
/** Who registers or suspends a relying party (the CLI is `{ id: 'cli', kind: 'system' }`). */
export type ClientActor = { id: string; kind: 'system' | 'officer' }

export type NewClient = {
  name: string
  redirectUris: string[]
  purpose?: string | undefined
  scopes?: string[] | undefined
  minLevel?: number | undefined
  sector?: string | undefined
  authMethod?: string | undefined
  jwks?: unknown
  /** 'baseline' (default) or 'fapi2': PAR, DPoP and private_key_jwt required (docs/oidc.md). */
  profile?: string | undefined
  /** Where it may ask to send the citizen after logout (post_logout_redirect_uri), at most 20. */
  postLogoutRedirectUris?: string[] | undefined
  /** Where the provider posts logout tokens (Back-Channel Logout 1.0). */
  backchannelLogoutUri?: string | undefined
  /** Also registered for the client_credentials grant (machine tokens, no account). */
  clientCredentials?: boolean | undefined
  /** A representative may sign in for a dependent at this relying party (docs/oidc.md); off by default. */
  allowDependents?: boolean | undefined
}

export type ClientView = {
  client_id: string
  client_name: string
  purpose: string | null
  redirect_uris: string[]
  scopes: string[]
  min_level: number
  sector: string
  token_endpoint_auth_method: ClientAuthMethod
  profile: ClientProfile
  post_logout_redirect_uris: string[]
  backchannel_logout_uri: string | null
  client_credentials: boolean
  allow_dependents: boolean
  status: ClientStatus
  created_at: string
}

/** The credentials, shown once: the secret is not stored and cannot be shown again. */
export type ClientCredentials = ClientView & { client_secret?: string }

const parse = <T>(schema: z.ZodType<T>, value: unknown, error: ErrorFactory): T => {
  const r = schema.safeParse(value)
  return r.success ? r.data : fail(error)
}

export const toClientView = (r: ClientRow): ClientView => ({
  client_id: r.client_id,
  client_name: r.name,
  purpose: r.purpose,
  redirect_uris: r.redirect_uris,
  scopes: r.scopes,
  min_level: r.min_level,
  sector: r.sector,
  token_endpoint_auth_method: r.auth_method,
  profile: r.profile,
  post_logout_redirect_uris: r.post_logout_redirect_uris,
  backchannel_logout_uri: r.backchannel_logout_uri,
  client_credentials: r.client_credentials,
  allow_dependents: r.allow_dependents,
  status: r.status,
  created_at: new Date(r.created_at).toISOString(),
})

/** Registers a relying party; every field is checked before anything is written. */
export const addClient = async (
  deps: ClientDeps,
  actor: ClientActor,
  input: NewClient,
): Promise<ClientCredentials> => {
  const name = parse(ClientName, input.name, OIDC.CLIENT_NAME_INVALID)
  if (input.redirectUris.length < 1 || input.redirectUris.length > 20) fail(OIDC.REDIRECT_URI_INVALID)
  const redirectUris = input.redirectUris.map((u) => parse(RedirectUri, u, OIDC.REDIRECT_URI_INVALID))
  const postLogout = input.postLogoutRedirectUris ?? []
  if (postLogout.length > 20) fail(OIDC.POST_LOGOUT_REDIRECT_URI_INVALID)
  const postLogoutRedirectUris = postLogout.map((u) =>
    parse(RedirectUri, u, OIDC.POST_LOGOUT_REDIRECT_URI_INVALID),
  )
  const backchannelLogoutUri =
    input.backchannelLogoutUri === undefined
      ? null
      : parse(RedirectUri, input.backchannelLogoutUri, OIDC.BACKCHANNEL_LOGOUT_URI_INVALID)
  const purpose =
    input.purpose === undefined ? null : parse(Purpose, input.purpose, OIDC.PURPOSE_INVALID) || null
  const scopes = parse(Scopes, input.scopes ?? DEFAULT_SCOPES, OIDC.SCOPES_INVALID)
  const minLevel = parse(MinLevel, input.minLevel ?? 1, OIDC.MIN_LEVEL_INVALID)
  const profile = parse(Profile, input.profile ?? 'baseline', OIDC.PROFILE_INVALID)
  const defaultAuth = profile === 'fapi2' ? 'private_key_jwt' : 'client_secret_basic'
  const authMethod = parse(AuthMethod, input.authMethod ?? defaultAuth, OIDC.AUTH_METHOD_INVALID)
  if (profile === 'fapi2' && authMethod !== 'private_key_jwt') fail(OIDC.PROFILE_INVALID)
  const usesKeys = authMethod === 'private_key_jwt'
  if (usesKeys !== (input.jwks !== undefined)) fail(OIDC.JWKS_INVALID)
  const jwks: ClientJwks | null = usesKeys ? parse(ClientJwksInput, input.jwks, OIDC.JWKS_INVALID) : null
  if (!fitsProfile(profile, authMethod, jwks)) fail(OIDC.PROFILE_INVALID)
  const clientId = newClientId()
  const sector = input.sector === undefined ? clientId : parse(Sector, input.sector, OIDC.SECTOR_INVALID)
  const secret = usesKeys ? undefined : newClientSecret()
  const now = deps.clock.now()
  // Inside the caller's transaction when given one (an approved application registers its client atomically).
  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    deps.db instanceof Transaction ? work(deps.db) : deps.db.transaction().execute(work)
  await inTransaction(async (trx) => {
    await insertClient(trx, {
      client_id: clientId,
      name,
      purpose,
      auth_method: authMethod,
      secret_hash: secret === undefined ? null : hashClientSecret(secret),
      jwks: jwks === null ? null : JSON.stringify(jwks),
      redirect_uris: redirectUris,
      post_logout_redirect_uris: postLogoutRedirectUris,
      backchannel_logout_uri: backchannelLogoutUri,
      scopes,
      min_level: minLevel,
      sector,
      profile,
      client_credentials: input.clientCredentials === true,
      allow_dependents: input.allowDependents === true,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    await recordAudit(trx, deps.clock, {
      actor: actor.id,
      actorKind: actor.kind,
      action: 'oidc.client.added',
      subject: clientId,
      subjectKind: 'relying_party',
      data: {
        name,
        scopes,
        minLevel,
        authMethod,
        profile,
        clientCredentials: input.clientCredentials === true,
        allowDependents: input.allowDependents === true,
      },
    })
  })
  const row = (await findClient(deps.db, clientId)) ?? fail(OIDC.CLIENT_NOT_FOUND)
  return { ...toClientView(row), ...(secret === undefined ? {} : { client_secret: secret }) }
}

export const listClients = async (deps: ClientDeps): Promise<ClientView[]> =>
  (await listClientRows(deps.db)).map(toClientView)

/** More work the caller does in the status change's own transaction (its notice to the organisation). */
export type AlsoInTransaction = (trx: Transaction<Database>) => Promise<unknown>

const changeStatus = async (
  deps: ClientDeps,
  actor: ClientActor,
  clientId: string,
  [from, to]: [ClientStatus, ClientStatus],
  reason: string | undefined,
  during?: AlsoInTransaction,
) => {
  const current = (await findClient(deps.db, clientId)) ?? fail(OIDC.CLIENT_NOT_FOUND)
  if (current.status !== from) fail(to === 'suspended' ? OIDC.ALREADY_SUSPENDED : OIDC.NOT_SUSPENDED)
  await deps.db.transaction().execute(async (trx) => {
    // Conditional on the old status: of two concurrent changes only one takes effect.
    const changed = await setClientStatus(trx, clientId, from, to, deps.clock.now())
    if (!changed) fail(to === 'suspended' ? OIDC.ALREADY_SUSPENDED : OIDC.NOT_SUSPENDED)
    await recordAudit(trx, deps.clock, {
      actor: actor.id,
      actorKind: actor.kind,
      action: to === 'suspended' ? 'oidc.client.suspended' : 'oidc.client.reinstated',
      subject: clientId,
      subjectKind: 'relying_party',
      data: reason ? { reason } : {},
    })
    await during?.(trx)
  })
  return toClientView((await findClient(deps.db, clientId)) ?? fail(OIDC.CLIENT_NOT_FOUND))
}

/** Cuts a relying party off at once: no new logins, and its tokens stop working. */
export const suspendClient = (
  deps: ClientDeps,
  actor: ClientActor,
  clientId: string,
  reason?: string,
  during?: AlsoInTransaction,
) => changeStatus(deps, actor, clientId, ['active', 'suspended'], reason, during)

export const reinstateClient = (
  deps: ClientDeps,
  actor: ClientActor,
  clientId: string,
  reason?: string,
  during?: AlsoInTransaction,
) => changeStatus(deps, actor, clientId, ['suspended', 'active'], reason, during)

// A change of what a relying party may do is a written decision: a word or two is not a reason.
const writtenReason = (reason: string | undefined) => {
  const written = reason?.trim() ?? ''
  return written.length >= 10 && written.length <= 2000 ? written : fail(OIDC.REASON_REQUIRED)
}

/**
 * Lets a representative sign in for a dependent at this relying party, or stops it (docs/oidc.md, "Acting
 * for a dependent"), with a written reason, audited. The provider reads the flag on every request: turned
 * off, the chooser is gone from the next login, and the tokens already issued for dependents stop working.
 */
export const setAllowDependents = async (
  deps: ClientDeps,
  actor: ClientActor,
  clientId: string,
  allow: boolean,
  reason: string | undefined,
  during?: AlsoInTransaction,
) => {
  const written = writtenReason(reason)
  const current = (await findClient(deps.db, clientId)) ?? fail(OIDC.CLIENT_NOT_FOUND)
  if (current.allow_dependents === allow) fail(OIDC.ALLOW_DEPENDENTS_UNCHANGED)
  await deps.db.transaction().execute(async (trx) => {
    // Conditional on the old value: of two concurrent changes only one is recorded.
    const changed = await setClientAllowDependents(trx, clientId, allow, deps.clock.now())
    if (!changed) fail(OIDC.ALLOW_DEPENDENTS_UNCHANGED)
    await recordAudit(trx, deps.clock, {
      actor: actor.id,
      actorKind: actor.kind,
      action: allow ? 'oidc.client.dependents_allowed' : 'oidc.client.dependents_disallowed',
      subject: clientId,
      subjectKind: 'relying_party',
      data: { allowDependents: allow, reason: written },
    })
    await during?.(trx)
  })
  return toClientView((await findClient(deps.db, clientId)) ?? fail(OIDC.CLIENT_NOT_FOUND))
}
