import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { lastReleases } from '../data-access/index.js'
import { FOREIGNER_ID, findForeignerRecord, findPersonRecord } from '../registry/index.js'
import { clientsNamed, deleteGrantsOnBehalfOf, liveGrantsOnBehalfOf } from './consent.repository.js'
import {
  type ClientConsent,
  type Connection,
  firstConsent,
  type GivenBy,
  groupByClient,
  iso,
  type LiveGrant,
  mergeConsent,
  revokeGrants,
  toConnection,
} from './consent.service.js'
import { parseActingAccountId } from './oidc.act-for.js'

type ConsentDeps = Pick<Deps, 'db' | 'clock'>

// The representative as the registry names them (a guardian may be a foreigner).
const nameOf = async (deps: ConsentDeps, id: string) =>
  FOREIGNER_ID.test(id)
    ? ((await findForeignerRecord(deps.db, id))?.fullName ?? id)
    : ((await findPersonRecord(deps.db, id))?.full_name ?? id)

const representativeOf = (g: LiveGrant) => parseActingAccountId(g.payload.accountId ?? '')?.representative

/**
 * The consents parents or guardians gave while signing in for this person (docs/oidc.md, "Acting for a
 * dependent"), once the person has an account of their own to see them: one entry per relying party, naming
 * each representative and when they first agreed. The last use counts the releases those representatives made.
 */
export const listOnBehalfConnections = async (
  deps: ConsentDeps,
  subjectId: string,
): Promise<Connection[]> => {
  const byRepresentative = new Map<string, LiveGrant[]>()
  for (const g of await liveGrantsOnBehalfOf(deps.db, subjectId, deps.clock.now())) {
    const rep = representativeOf(g)
    if (rep) byRepresentative.set(rep, [...(byRepresentative.get(rep) ?? []), g])
  }
  const merged = new Map<string, { consent: ClientConsent; givenBy: { rep: string; at: number | null }[] }>()
  const lastUse = new Map<string, Date>()
  for (const [rep, grants] of byRepresentative) {
    const byClient = groupByClient(grants)
    const used = await lastReleases(
      deps.db,
      subjectId,
      [...byClient.keys()],
      firstConsent(byClient.values()),
      rep,
    )
    for (const [clientId, consent] of byClient) {
      const seen = merged.get(clientId)
      const by = { rep, at: consent.grantedAt }
      merged.set(
        clientId,
        seen
          ? { consent: mergeConsent(seen.consent, consent), givenBy: [...seen.givenBy, by] }
          : { consent, givenBy: [by] },
      )
      const at = used.get(clientId)
      const before = lastUse.get(clientId)
      if (at && (!before || at > before)) lastUse.set(clientId, at)
    }
  }
  const names = new Map<string, string>()
  for (const rep of byRepresentative.keys()) names.set(rep, await nameOf(deps, rep))
  const clients = new Map((await clientsNamed(deps.db, [...merged.keys()])).map((c) => [c.client_id, c]))
  return [...merged].map(([clientId, { consent, givenBy }]) =>
    toConnection(
      clientId,
      consent,
      clients.get(clientId),
      lastUse.get(clientId) ?? null,
      givenBy
        .sort((a, b) => (a.at ?? 0) - (b.at ?? 0))
        .map((g): GivenBy => ({ name: names.get(g.rep) ?? g.rep, grantedAt: iso(g.at) })),
    ),
  )
}

/**
 * The person withdraws the consents given on their behalf to a relying party, by every representative: the
 * grants and every code and token issued under them go in one transaction with the audit event, under the
 * person alone (their act, not the representative's).
 */
export const revokeOnBehalfConnection = (
  deps: ConsentDeps,
  subjectId: string,
  clientId: string,
  requestId: string | null,
) =>
  deps.db.transaction().execute(async (trx) => {
    const { clientName, scopes, grants, tokens, live } = await revokeGrants(
      trx,
      deps.clock.now(),
      clientId,
      await deleteGrantsOnBehalfOf(trx, subjectId, clientId),
    )
    const givenBy = [...new Set(live.map(representativeOf).filter((r) => r !== undefined))].sort()
    await recordAudit(trx, deps.clock, {
      actor: subjectId,
      actorKind: 'citizen',
      action: 'oidc.consent.revoked',
      subject: subjectId,
      subjectKind: FOREIGNER_ID.test(subjectId) ? 'foreigner' : 'citizen',
      data: { clientId, clientName, scopes, grants, tokens, onBehalf: true, givenBy },
      requestId,
    })
    return { revoked: clientId, grants, tokens }
  })
