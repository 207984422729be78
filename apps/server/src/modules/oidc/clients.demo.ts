import { isDeepStrictEqual } from 'node:util'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { clientChanged } from './clients.changes.js'
import { findClient } from './clients.repository.js'
import { hashClientSecret } from './clients.secret.js'
import type { NewClientRow } from './oidc.table.js'

/**
 * The demo relying parties' credentials (apps/demo-rp, docs/demo-rp.md). They are published like the demo
 * officers' passwords, registered only with DEMO_SEED, and their redirect URIs are loopback addresses.
 */
export const DEMO_PORTAL = {
  clientId: 'demo-portal',
  secret: 'demo-portal-published-secret-not-for-production',
}

/** The demo bank's public key (apps/demo-rp/src/bank-key.ts derives the private half from a published seed). */
export const DEMO_BANK = {
  clientId: 'demo-bank',
  jwk: {
    kty: 'EC',
    crv: 'P-256',
    x: 'CmEkoCQTatS_tr4jd-PCRvybzK4Bjv96QwEEu1vBR0c',
    y: 'MWyHJaG-8ryGom8jMVvhZuRI5mzwGl2Vo39uW9-QYSw',
    kid: 'demo-bank-1',
    use: 'sig',
    alg: 'ES256',
  },
}

export type DemoOrigins = { portal: string; bank: string }
/** Where `npm run demo-rp` serves them (DEMO_PORTAL_URL and DEMO_BANK_URL change it there, not here). */
export const DEMO_ORIGINS: DemoOrigins = { portal: 'http://localhost:4000', bank: 'http://localhost:4001' }

type Definition = Omit<NewClientRow, 'status' | 'created_at' | 'updated_at'>

const definitions = (origins: DemoOrigins): Definition[] => [
  {
    client_id: DEMO_PORTAL.clientId,
    name: 'Cổng Dịch vụ công (demo)',
    purpose: 'Xác định người nộp hồ sơ thủ tục hành chính (demo)',
    auth_method: 'client_secret_basic',
    secret_hash: hashClientSecret(DEMO_PORTAL.secret),
    jwks: null,
    redirect_uris: [`${origins.portal}/callback`],
    post_logout_redirect_uris: [`${origins.portal}/logged-out`],
    scopes: ['openid', 'profile', 'vn_id'],
    min_level: 1,
    sector: DEMO_PORTAL.clientId,
    profile: 'baseline',
  },
  {
    client_id: DEMO_BANK.clientId,
    name: 'Ngân hàng Demo',
    purpose: 'Xác minh khách hàng mở tài khoản thanh toán (demo)',
    auth_method: 'private_key_jwt',
    secret_hash: null,
    jwks: JSON.stringify({ keys: [DEMO_BANK.jwk] }),
    redirect_uris: [`${origins.bank}/callback`],
    post_logout_redirect_uris: [`${origins.bank}/logged-out`],
    scopes: ['openid', 'profile', 'vn_id'],
    min_level: 2,
    sector: DEMO_BANK.clientId,
    // FAPI 2.0 (docs/oidc.md): PAR, DPoP-bound tokens and private_key_jwt required of it.
    profile: 'fapi2',
  },
]

const ACTOR = { actor: 'demo-seed', actorKind: 'system' as const, subjectKind: 'relying_party' }

/**
 * Registers the two demo relying parties, or brings them back to their definition (a restart after an
 * upgrade or with other origins); an unchanged client is left alone, and a suspension is kept.
 */
export const registerDemoClients = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  origins: DemoOrigins = DEMO_ORIGINS,
): Promise<string[]> => {
  const changed: string[] = []
  for (const def of definitions(origins)) {
    const current = await findClient(deps.db, def.client_id)
    const now = deps.clock.now()
    const written = await deps.db.transaction().execute(async (trx) => {
      if (!current) {
        // Another instance starting at the same moment may have made it first: then nothing to do.
        const inserted = await trx
          .insertInto('oidc_client')
          .values({ ...def, status: 'active', created_at: now, updated_at: now })
          .onConflict((oc) => oc.column('client_id').doNothing())
          .returning('client_id')
          .executeTakeFirst()
        clientChanged(def.client_id)
        if (inserted)
          await recordAudit(trx, deps.clock, {
            ...ACTOR,
            action: 'oidc.client.added',
            subject: def.client_id,
            data: {
              name: def.name,
              scopes: def.scopes,
              minLevel: def.min_level,
              authMethod: def.auth_method,
            },
          })
        return Boolean(inserted)
      }
      // Compared as values: jsonb does not keep the key order it was given.
      const same = (Object.keys(def) as Array<keyof Definition>).every((k) =>
        isDeepStrictEqual(current[k], k === 'jwks' ? JSON.parse(String(def[k])) : def[k]),
      )
      if (same) return false
      await trx
        .updateTable('oidc_client')
        .set({ ...def, updated_at: now })
        .where('client_id', '=', def.client_id)
        .execute()
      clientChanged(def.client_id)
      await recordAudit(trx, deps.clock, {
        ...ACTOR,
        action: 'oidc.client.demo_redefined',
        subject: def.client_id,
        data: { redirectUris: def.redirect_uris },
      })
      return true
    })
    if (written) changed.push(def.client_id)
  }
  return changed
}
